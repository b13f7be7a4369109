namespace CleanRag.Application.Documents;

/// <summary>Receipts of bytes PUT through signed links (global: the link, not a session, names the tenant).</summary>
public interface IUploadReceipts
{
    /// <summary>Records a receipt; false when one already exists (upload links are single-use).</summary>
    Task<bool> TryAddAsync(UploadReceipt receipt, CancellationToken cancellationToken);

    Task<UploadReceipt?> FindAsync(Guid documentId, int version, CancellationToken cancellationToken);
}
