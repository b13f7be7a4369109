namespace CleanRag.Domain.Documents;

public enum DocumentStatus
{
    /// <summary>Registered for a presigned upload; the bytes have not been confirmed yet.</summary>
    PendingUpload,
    Uploaded,
    Queued,
    Processing,
    Indexed,
    Failed,
    Deleted,
}
