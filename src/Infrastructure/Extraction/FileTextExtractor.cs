using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// Shared behaviour of the per-format extractors: matching by extension then content type, buffering the
/// upload once (libraries need seekable input; memory stays bounded by the file itself), rejecting empty
/// files and turning any library failure on bad content into <see cref="ExtractionFailedException"/>.
/// </summary>
public abstract class FileTextExtractor : ITextExtractor
{
    /// <summary>Extracted text above this size is refused: a tiny zip or shared-string table can expand enormously.</summary>
    public const int MaxExtractedCharacters = 64 * 1024 * 1024;

    protected abstract IReadOnlyCollection<string> Extensions { get; }
    protected abstract IReadOnlyCollection<string> ContentTypes { get; }

    public bool CanExtract(string fileName, string? contentType) => MatchesExtension(fileName) || MatchesContentType(contentType);

    internal bool MatchesExtension(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    internal bool MatchesContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return false;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<ExtractedDocument> ExtractAsync(Stream content, string fileName, string? contentType, CancellationToken cancellationToken) =>
        Extract(await ReadAllAsync(content, cancellationToken), fileName, contentType, cancellationToken);

    /// <summary>Whether the bytes carry this format's signature (binary formats only; text has none).</summary>
    internal virtual bool RecognizesContent(byte[] content) => false;

    /// <summary>Text formats must not be handed binary data.</summary>
    internal virtual bool IsTextFormat => true;

    internal ExtractedDocument Extract(byte[] bytes, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        if (IsBlank(bytes))
            throw new ExtractionFailedException("empty_file", $"{fileName} is empty.");
        if (IsTextFormat && ContentSignatures.IsBinary(bytes))
            throw new ExtractionFailedException("unsupported_type",
                $"{fileName} holds binary data, not the text its name or content type ({contentType ?? "none"}) says.");

        ExtractedDocument document;
        try
        {
            document = Extract(bytes, fileName, cancellationToken);
        }
        catch (Exception e) when (e is not ExtractionFailedException and not OperationCanceledException)
        {
            throw new ExtractionFailedException("corrupt_file", $"{fileName} could not be read: {e.Message}", e);
        }

        if (document.Blocks.Count == 0)
            throw new ExtractionFailedException("no_text", $"{fileName} contains no extractable text.");
        return document;
    }

    /// <summary>Reads the format. May throw anything on bad content; the caller classifies it.</summary>
    protected abstract ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken);

    internal static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content is MemoryStream memory && memory.Position == 0)
            return memory.ToArray();
        using var buffer = content.CanSeek ? new MemoryStream((int)Math.Min(content.Length, int.MaxValue)) : new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            bytes = bytes[3..];
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C))
                return false;
        }
        return true;
    }
}

/// <summary>Collects blocks, normalising whitespace and enforcing <see cref="FileTextExtractor.MaxExtractedCharacters"/>.</summary>
internal sealed class BlockCollector
{
    private readonly List<TextBlock> _blocks = [];
    private readonly HeadingTracker _headings = new();
    private long _characters;

    public IReadOnlyList<TextBlock> Blocks => _blocks;
    public IReadOnlyList<string> HeadingPath => _headings.Path;

    public void AddHeading(int level, string text, int? page)
    {
        var clean = TextCleanup.CollapseWhitespace(text);
        if (clean.Length == 0)
            return;
        _headings.Enter(level, clean);
        Append(new TextBlock(clean, TextBlockKind.Heading, page, _headings.Path));
    }

    /// <summary>Adds a block; <paramref name="keepLineBreaks"/> keeps single line breaks (code, table cells).</summary>
    public void Add(string text, TextBlockKind kind, int? page, bool keepLineBreaks = false)
    {
        var clean = keepLineBreaks ? TextCleanup.TrimLines(text) : TextCleanup.CollapseWhitespace(text);
        if (clean.Length == 0)
            return;
        Append(new TextBlock(clean, kind, page, _headings.Path));
    }

    public void ResetHeadings() => _headings.Reset();

    private void Append(TextBlock block)
    {
        _characters += block.Text.Length + 2;
        if (_characters > FileTextExtractor.MaxExtractedCharacters)
            throw new ExtractionFailedException("too_large",
                $"The extracted text exceeds {FileTextExtractor.MaxExtractedCharacters / (1024 * 1024)} M characters.");
        _blocks.Add(block);
    }
}

/// <summary>The headings enclosing the current position; a heading of level n closes those of level ≥ n.</summary>
internal sealed class HeadingTracker
{
    private readonly List<(int Level, string Text)> _open = [];
    private string[] _path = [];

    public IReadOnlyList<string> Path => _path;

    public void Enter(int level, string text)
    {
        _open.RemoveAll(h => h.Level >= level);
        _open.Add((level, text));
        _path = _open.Select(h => h.Text).ToArray();
    }

    public void Reset()
    {
        _open.Clear();
        _path = [];
    }
}

internal static class TextCleanup
{
    public static string CollapseWhitespace(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            builder.Append(c);
            pendingSpace = false;
        }
        return builder.ToString();
    }

    /// <summary>Keeps line structure but trims each line and drops blank lines and blank margins.</summary>
    public static string TrimLines(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0));

    /// <summary>Decodes text by its byte-order mark, UTF-8 otherwise (invalid bytes become U+FFFD).</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
