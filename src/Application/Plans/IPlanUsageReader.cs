namespace CleanRag.Application.Plans;

/// <summary>What the current company uses now, counted in the read models (tenant-scoped like every read).</summary>
public interface IPlanUsageReader
{
    /// <summary>Projects that are not archived.</summary>
    Task<int> CountProjectsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Documents whose bytes arrived and that are not deleted, and the size of their current versions; without
    /// <paramref name="excludingDocumentId"/> (a document about to get new bytes).
    /// </summary>
    Task<StoredDocuments> StoredDocumentsAsync(Guid? excludingDocumentId, CancellationToken cancellationToken);

    /// <summary>Questions asked in <paramref name="period"/>, visitors' and test ones apart.</summary>
    Task<MessageCounts> CountMessagesAsync(BillingPeriod period, CancellationToken cancellationToken);
}

public sealed record StoredDocuments(int Documents, long Bytes);

public sealed record MessageCounts(int Visitor, int Test);
