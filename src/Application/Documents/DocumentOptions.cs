namespace CleanRag.Application.Documents;

/// <summary>Limits on uploads, and how long signed links to files live.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Files in one upload request; more are refused whole (413 too_many_files), before anything is stored.</summary>
    public int MaxFilesPerUpload { get; set; } = 100;
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan PreviewUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The lifetime of a cited source's preview link in a chat answer: long enough for a visitor to reread the chat.</summary>
    public TimeSpan CitationLinkLifetime { get; set; } = TimeSpan.FromHours(24);
}
