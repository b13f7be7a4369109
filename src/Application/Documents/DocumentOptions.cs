namespace CleanRag.Application.Documents;

/// <summary>Limits on uploads.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan PreviewUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
