using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// Dispatches to the extractor whose signature the bytes carry (a PDF named .txt is read as a PDF), otherwise to the
/// one for the file's extension, or failing that its content type.
/// </summary>
public sealed class CompositeTextExtractor(IEnumerable<FileTextExtractor> extractors) : ITextExtractor
{
    private readonly IReadOnlyList<FileTextExtractor> _extractors = extractors.ToList();

    public CompositeTextExtractor() : this(
    [
        new PdfTextExtractor(), new DocxTextExtractor(), new PptxTextExtractor(), new XlsxTextExtractor(),
        new HtmlTextExtractor(), new MarkdownTextExtractor(), new PlainTextExtractor(), new CsvTextExtractor(),
        new JsonTextExtractor(),
    ])
    {
    }

    public bool CanExtract(string fileName, string? contentType) => Find(fileName, contentType) is not null;

    public async Task<ExtractedDocument> ExtractAsync(Stream content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        var bytes = await FileTextExtractor.ReadAllAsync(content, cancellationToken);
        var extractor = _extractors.FirstOrDefault(e => e.RecognizesContent(bytes))
            ?? Find(fileName, contentType)
            ?? throw new ExtractionFailedException("unsupported_type",
                $"{fileName} ({contentType ?? "no content type"}) is not a supported format.");
        return extractor.Extract(bytes, fileName, contentType, cancellationToken);
    }

    private FileTextExtractor? Find(string fileName, string? contentType) =>
        _extractors.FirstOrDefault(e => e.MatchesExtension(fileName))
        ?? (Path.HasExtension(fileName) && !IsGenericExtension(fileName) ? null : _extractors.FirstOrDefault(e => e.MatchesContentType(contentType)));

    /// <summary>An unknown real extension (.exe) is decisive; a missing or meaningless one defers to the content type.</summary>
    private static bool IsGenericExtension(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".bin" or ".dat" or ".tmp" or ".upload";
}
