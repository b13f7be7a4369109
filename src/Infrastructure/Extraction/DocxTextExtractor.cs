using System.Text;
using CleanRag.Application.Documents.Ingestion;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// Word documents: headings come from paragraph styles (Title, Heading 1..9, or an outline level), numbered
/// paragraphs are list items, table rows are blocks. DOCX has no fixed pages, so blocks carry no page number.
/// </summary>
public sealed class DocxTextExtractor : FileTextExtractor
{
    /// <summary>The document title encloses the Heading 1 sections rather than being one of them.</summary>
    private const int TitleLevel = 0;

    protected override IReadOnlyCollection<string> Extensions { get; } = [".docx", ".docm"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"];

    internal override bool RecognizesContent(byte[] content) => ContentSignatures.IsOfficePackage(content, "wordprocessingml.document.main+xml");

    internal override bool IsTextFormat => false;

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(content), false, OpenXmlLimits.ReadOnly);
        var body = word.MainDocumentPart?.Document?.Body
            ?? throw new ExtractionFailedException("corrupt_file", $"{fileName} has no document body.");
        var headingLevels = HeadingLevelsByStyleId(word.MainDocumentPart!.StyleDefinitionsPart?.Styles);
        var collector = new BlockCollector();
        foreach (var element in body.Elements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    AddParagraph(paragraph, headingLevels, collector);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => TextCleanup.CollapseWhitespace(string.Join(" ", c.Descendants<Paragraph>().Select(ParagraphText))));
                        collector.Add(string.Join(" | ", cells.Where(c => c.Length > 0)), TextBlockKind.TableRow, page: null);
                    }
                    break;
                case SdtBlock contentControl:
                    foreach (var paragraph in contentControl.Descendants<Paragraph>())
                        AddParagraph(paragraph, headingLevels, collector);
                    break;
            }
        }
        var title = word.PackageProperties.Title is { Length: > 0 } t ? t : collector.Blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text;
        return new ExtractedDocument(collector.Blocks, PageCount: null, title);
    }

    private static void AddParagraph(Paragraph paragraph, IReadOnlyDictionary<string, int> headingLevels, BlockCollector collector)
    {
        var text = ParagraphText(paragraph);
        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        int? level = properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? outline + 1
            : styleId is not null && headingLevels.TryGetValue(styleId, out var styled) ? styled
            : null;
        if (level is { } headingLevel)
            collector.AddHeading(headingLevel, text, page: null);
        else
            collector.Add(text, properties?.NumberingProperties is not null ? TextBlockKind.ListItem : TextBlockKind.Paragraph, page: null);
    }

    /// <summary>Style ids are localised ("berschrift1"), so levels are read from the style name and outline level.</summary>
    private static Dictionary<string, int> HeadingLevelsByStyleId(Styles? styles)
    {
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            var id = style.StyleId?.Value;
            if (id is null || style.Type?.Value != StyleValues.Paragraph)
                continue;
            var name = style.StyleName?.Val?.Value ?? id;
            if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
                levels[id] = TitleLevel;
            else if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
                levels[id] = outline + 1;
            else if (name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(7).Trim(), out var n) && n is >= 1 and <= 9)
                levels[id] = n;
        }
        // Without a styles part Word still uses the built-in ids.
        for (var n = 1; n <= 9; n++)
            levels.TryAdd($"Heading{n}", n);
        levels.TryAdd("Title", TitleLevel);
        return levels;
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append(' '); break;
                case Break or CarriageReturn: text.Append('\n'); break;
            }
        }
        return text.ToString();
    }
}
