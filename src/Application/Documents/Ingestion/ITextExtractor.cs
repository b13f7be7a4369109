namespace CleanRag.Application.Documents.Ingestion;

/// <summary>Turns a stored file into text blocks with page numbers and heading paths.</summary>
public interface ITextExtractor
{
    /// <summary>Whether this extractor handles the file (by extension, then content type).</summary>
    bool CanExtract(string fileName, string? contentType);

    /// <summary>
    /// Extracts the text. Throws <see cref="ExtractionFailedException"/> for files that cannot be read
    /// (corrupt, encrypted, empty, no text).
    /// </summary>
    Task<ExtractedDocument> ExtractAsync(Stream content, string fileName, string? contentType, CancellationToken cancellationToken);
}

/// <summary>The text of a document as an ordered list of blocks.</summary>
public sealed record ExtractedDocument(IReadOnlyList<TextBlock> Blocks, int? PageCount, string? Title = null);

/// <summary>
/// A structural unit of text: a heading, a paragraph, a list item, a table row. <see cref="HeadingPath"/>
/// lists the headings it sits under, outermost first.
/// </summary>
public sealed record TextBlock(string Text, TextBlockKind Kind, int? PageNumber, IReadOnlyList<string> HeadingPath);

public enum TextBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    TableRow,
    Code,
}

/// <summary>Why a file could not be extracted; <see cref="Code"/> is snake_case (e.g. encrypted_pdf, corrupt_file).</summary>
public sealed class ExtractionFailedException(string code, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Code { get; } = code;
}
