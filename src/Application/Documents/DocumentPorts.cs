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

public sealed class FileTooLargeException(long maxBytes)
    : Exception($"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>
/// Short-lived, HMAC-signed links served by CleanRag itself: uploads (PUT the bytes) and previews
/// (GET the file). A ticket is valid only until it expires and only for its purpose.
/// </summary>
public interface ISignedLinks
{
    string Create(FileTicket ticket);

    /// <summary>The ticket a token carries, or null when it is forged, tampered with or expired.</summary>
    FileTicket? Read(string token, FileTicketPurpose purpose);
}

public enum FileTicketPurpose
{
    Upload,
    Preview,
}

public sealed record FileTicket(
    FileTicketPurpose Purpose, Guid TenantId, Guid ProjectId, Guid DocumentId, int Version, DateTimeOffset ExpiresAt, string? ContentHash = null);

/// <summary>Limits on uploads.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan PreviewUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Bytes received through a signed upload link, waiting for the client's confirm.</summary>
public sealed class UploadReceipt
{
    /// <summary>"{documentId}:{version}".</summary>
    public string Id { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long SizeBytes { get; set; }

    public static string IdFor(Guid documentId, int version) => $"{documentId}:{version}";
}

/// <summary>Receipts of bytes PUT through signed links (global: the link, not a session, names the tenant).</summary>
public interface IUploadReceipts
{
    /// <summary>Records a receipt; false when one already exists (upload links are single-use).</summary>
    Task<bool> TryAddAsync(UploadReceipt receipt, CancellationToken cancellationToken);

    Task<UploadReceipt?> FindAsync(Guid documentId, int version, CancellationToken cancellationToken);
}
