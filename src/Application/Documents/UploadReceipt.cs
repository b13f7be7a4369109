namespace CleanRag.Application.Documents;

/// <summary>Bytes received through a signed upload link, waiting for the client's confirm.</summary>
public sealed class UploadReceipt
{
    /// <summary>"{documentId}:{version}".</summary>
    public string Id { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long SizeBytes { get; set; }

    public static string IdFor(Guid documentId, int version) => $"{documentId}:{version}";
}
