namespace CleanRag.Application.Documents;

/// <summary>Content types by extension, for uploads that send none (or a generic one).</summary>
public static class ContentTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".md"] = "text/markdown",
        [".markdown"] = "text/markdown",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
    };

    public static string Resolve(string fileName, string? declared) =>
        string.IsNullOrWhiteSpace(declared) || declared == "application/octet-stream"
            ? ByExtension.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream")
            : declared;
}
