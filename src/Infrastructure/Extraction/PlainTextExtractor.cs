using System.Text.RegularExpressions;
using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>Plain text: one paragraph per run of lines separated by blank lines; line breaks inside are kept.</summary>
public sealed partial class PlainTextExtractor : FileTextExtractor
{
    protected override IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text", ".log"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["text/plain"];

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        var collector = new BlockCollector();
        foreach (var paragraph in BlankLines().Split(TextCleanup.Decode(content).Replace("\r\n", "\n")))
        {
            cancellationToken.ThrowIfCancellationRequested();
            collector.Add(paragraph, TextBlockKind.Paragraph, page: null, keepLineBreaks: true);
        }
        return new ExtractedDocument(collector.Blocks, PageCount: null);
    }

    [GeneratedRegex(@"\n[ \t\f\v]*\n\s*")]
    private static partial Regex BlankLines();
}
