using CleanRag.Application.Documents.Ingestion;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// PowerPoint: one "page" per slide in presentation order (slide number = page number). The title
/// placeholder is the slide's heading; other text frames give paragraphs, tables give rows, speaker notes follow.
/// </summary>
public sealed class PptxTextExtractor : FileTextExtractor
{
    protected override IReadOnlyCollection<string> Extensions { get; } = [".pptx", ".pptm"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["application/vnd.openxmlformats-officedocument.presentationml.presentation"];

    internal override bool RecognizesContent(byte[] content) => ContentSignatures.IsOfficePackage(content, "presentationml.presentation.main+xml");

    internal override bool IsTextFormat => false;

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        using var presentation = PresentationDocument.Open(new MemoryStream(content), false, OpenXmlLimits.ReadOnly);
        var part = presentation.PresentationPart
            ?? throw new ExtractionFailedException("corrupt_file", $"{fileName} has no presentation part.");
        var slideIds = part.Presentation?.SlideIdList?.Elements<SlideId>().ToList() ?? [];
        var collector = new BlockCollector();
        for (var index = 0; index < slideIds.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slideNumber = index + 1;
            if (slideIds[index].RelationshipId?.Value is not { } relationshipId || part.GetPartById(relationshipId) is not SlidePart slide)
                continue;
            collector.ResetHeadings();
            var shapes = slide.Slide?.CommonSlideData?.ShapeTree?.Descendants<Shape>().ToList() ?? [];
            var titleShape = shapes.FirstOrDefault(IsTitle);
            if (titleShape is not null)
                collector.AddHeading(1, string.Join(" ", Paragraphs(titleShape.TextBody)), slideNumber);
            foreach (var shape in shapes.Where(s => s != titleShape))
            {
                foreach (var paragraph in Paragraphs(shape.TextBody))
                    collector.Add(paragraph, TextBlockKind.Paragraph, slideNumber);
            }
            foreach (var row in slide.Slide?.Descendants<Drawing.TableRow>() ?? [])
            {
                var cells = row.Elements<Drawing.TableCell>().Select(c => TextCleanup.CollapseWhitespace(string.Join(" ", Paragraphs(c.TextBody))));
                collector.Add(string.Join(" | ", cells.Where(c => c.Length > 0)), TextBlockKind.TableRow, slideNumber);
            }
            foreach (var note in NotesParagraphs(slide))
                collector.Add(note, TextBlockKind.Paragraph, slideNumber);
        }
        var title = presentation.PackageProperties.Title is { Length: > 0 } t ? t : null;
        return new ExtractedDocument(collector.Blocks, slideIds.Count, title);
    }

    private static bool IsTitle(Shape shape) =>
        shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value is { } type
        && (type == PlaceholderValues.Title || type == PlaceholderValues.CenteredTitle);

    private static IEnumerable<string> Paragraphs(DocumentFormat.OpenXml.OpenXmlCompositeElement? textBody) =>
        textBody?.Elements<Drawing.Paragraph>().Select(p => string.Concat(p.Descendants<Drawing.Text>().Select(t => t.Text))) ?? [];

    /// <summary>Speaker notes, without the placeholders that only repeat the slide image or number.</summary>
    private static IEnumerable<string> NotesParagraphs(SlidePart slide)
    {
        var shapes = slide.NotesSlidePart?.NotesSlide?.CommonSlideData?.ShapeTree?.Descendants<Shape>() ?? [];
        return shapes
            .Where(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value is not { } type
                || type == PlaceholderValues.Body)
            .SelectMany(s => Paragraphs(s.TextBody));
    }
}
