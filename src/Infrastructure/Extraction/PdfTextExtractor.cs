using CleanRag.Application.Documents.Ingestion;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// PDF: words are rebuilt from letters (nearest neighbour), grouped into paragraphs (Docstrum) and put in
/// reading order, page by page with 1-based page numbers. A short block set clearly larger than the body
/// text is taken as a heading; heading levels follow font size, largest first.
/// </summary>
public sealed class PdfTextExtractor : FileTextExtractor
{
    /// <summary>A heading's letters are at least this much larger than the body text's.</summary>
    private const double HeadingSizeRatio = 1.15;
    private const int MaxHeadingLength = 150;

    protected override IReadOnlyCollection<string> Extensions { get; } = [".pdf"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["application/pdf"];

    internal override bool RecognizesContent(byte[] content) => ContentSignatures.IsPdf(content);

    internal override bool IsTextFormat => false;

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionFailedException("encrypted_pdf", $"{fileName} is encrypted with a password.", e);
        }

        using (pdf)
        {
            var pages = new List<PageBlocks>(pdf.NumberOfPages);
            for (var number = 1; number <= pdf.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(new PageBlocks(number, ReadPage(pdf.GetPage(number))));
            }

            var bodySize = BodyFontSize(pages);
            var headingSizes = pages.SelectMany(p => p.Blocks).Where(b => IsHeading(b, bodySize))
                .Select(b => Math.Round(b.FontSize)).Distinct().OrderDescending().ToList();
            var collector = new BlockCollector();
            foreach (var page in pages)
            {
                foreach (var block in page.Blocks)
                {
                    if (IsHeading(block, bodySize))
                        collector.AddHeading(Math.Min(headingSizes.IndexOf(Math.Round(block.FontSize)) + 1, 6), block.Text, page.Number);
                    else
                        collector.Add(block.Text, TextBlockKind.Paragraph, page.Number);
                }
            }
            var title = pdf.Information.Title is { Length: > 0 } t ? t : null;
            return new ExtractedDocument(collector.Blocks, pdf.NumberOfPages, title);
        }
    }

    private static List<PdfBlock> ReadPage(Page page)
    {
        if (page.Letters.Count == 0)
            return [];
        try
        {
            var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).ToList();
            var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
            return UnsupervisedReadingOrderDetector.Instance.Get(blocks)
                .Select(block => new PdfBlock(
                    JoinLines(block.TextLines.Select(l => string.Join(" ", l.Words.Select(w => w.Text)))),
                    block.TextLines.SelectMany(l => l.Words).SelectMany(w => w.Letters).Select(l => l.PointSize).DefaultIfEmpty(0).Average(),
                    block.TextLines.Count))
                .Where(b => b.Text.Length > 0)
                .ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Layout analysis can fail on unusual geometry; the content-order text is still worth having.
            var text = ContentOrderTextExtractor.GetText(page);
            return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(p => new PdfBlock(JoinLines(p.Split('\n')), 0, 1)).Where(b => b.Text.Length > 0).ToList();
        }
    }

    /// <summary>Joins a block's lines, re-joining words hyphenated across a line break.</summary>
    private static string JoinLines(IEnumerable<string> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (text.Length > 1 && text[^1] == '-' && char.IsLetter(text[^2]) && char.IsLower(line[0]))
                text.Length--;
            else if (text.Length > 0)
                text.Append(' ');
            text.Append(line);
        }
        return TextCleanup.CollapseWhitespace(text.ToString());
    }

    /// <summary>The font size carrying the most characters.</summary>
    private static double BodyFontSize(List<PageBlocks> pages) =>
        pages.SelectMany(p => p.Blocks).Where(b => b.FontSize > 0)
            .GroupBy(b => Math.Round(b.FontSize))
            .OrderByDescending(g => g.Sum(b => b.Text.Length))
            .Select(g => g.Key)
            .FirstOrDefault();

    private static bool IsHeading(PdfBlock block, double bodySize) =>
        bodySize > 0 && block.FontSize >= bodySize * HeadingSizeRatio && block.LineCount <= 2
        && block.Text.Length <= MaxHeadingLength && block.Text.Any(char.IsLetter);

    private sealed record PdfBlock(string Text, double FontSize, int LineCount);

    private sealed record PageBlocks(int Number, List<PdfBlock> Blocks);
}
