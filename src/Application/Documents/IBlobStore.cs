namespace CleanRag.Application.Documents;

/// <summary>
/// Stores file bytes content-addressed (by SHA-256) per tenant. Writes are atomic: a blob is either
/// complete or absent.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream; more than <paramref name="maxBytes"/> fails with <see cref="FileTooLargeException"/>.</summary>
    Task<StoredBlob> PutAsync(Guid tenantId, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The blob's bytes, or null when it does not exist.</summary>
    Stream? Open(Guid tenantId, string contentHash);

    Task DeleteAsync(Guid tenantId, string contentHash, CancellationToken cancellationToken);
}

public sealed record StoredBlob(string ContentHash, long SizeBytes);
