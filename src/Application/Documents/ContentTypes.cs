using System.Text.RegularExpressions;

namespace CleanRag.Application.Documents;

/// <summary>Content types: by extension for uploads that send none (or a generic one), and what a declared one may be.</summary>
public static partial class ContentTypes
{
    public const int MaxLength = 127;

    /// <summary>
    /// A media type as HTTP allows it (<c>type/subtype</c> of token characters, optional <c>; name=value</c> parameters),
    /// at most <see cref="MaxLength"/> characters: it is sent back as a response header when the file is downloaded.
    /// </summary>
    public static bool IsValid(string? contentType) => contentType is { Length: > 0 and <= MaxLength } && MediaType().IsMatch(contentType);

    public static readonly string Rule = $"must be a media type like text/plain or application/pdf (at most {MaxLength} ASCII characters)";

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
            : declared.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(?:[ \t]*;[ \t]*[A-Za-z0-9!#$&^_.+-]+=(?:[A-Za-z0-9!#$&^_.+-]+|""[\x20\x21\x23-\x5B\x5D-\x7E]*""))*$")]
    private static partial Regex MediaType();
}
