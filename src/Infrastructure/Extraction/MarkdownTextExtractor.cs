using System.Text;
using CleanRag.Application.Documents.Ingestion;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>Markdown: headings build the heading path; paragraphs, list items, code blocks and table rows become blocks.</summary>
public sealed class MarkdownTextExtractor : FileTextExtractor
{
    /// <summary>Deeper nesting is only produced by hostile input; it is cut to keep recursion bounded.</summary>
    private const int MaxDepth = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();

    protected override IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["text/markdown", "text/x-markdown"];

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        var markdown = Markdown.Parse(TextCleanup.Decode(content), Pipeline);
        var collector = new BlockCollector();
        AddBlocks(markdown, TextBlockKind.Paragraph, collector, depth: 0, cancellationToken);
        var title = collector.Blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text;
        return new ExtractedDocument(collector.Blocks, PageCount: null, title);
    }

    private static void AddBlocks(ContainerBlock container, TextBlockKind paragraphKind, BlockCollector collector, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
            return;
        foreach (var block in container)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case HeadingBlock heading:
                    collector.AddHeading(heading.Level, InlineText(heading.Inline), page: null);
                    break;
                case ParagraphBlock paragraph:
                    collector.Add(InlineText(paragraph.Inline), paragraphKind, page: null);
                    break;
                case CodeBlock code when code is not Markdig.Extensions.Yaml.YamlFrontMatterBlock:
                    collector.Add(code.Lines.ToString(), TextBlockKind.Code, page: null, keepLineBreaks: true);
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>().Select(cell => string.Join(" ", cell.OfType<LeafBlock>().Select(l => InlineText(l.Inline))));
                        collector.Add(string.Join(" | ", cells), TextBlockKind.TableRow, page: null);
                    }
                    break;
                case ListItemBlock item:
                    AddBlocks(item, TextBlockKind.ListItem, collector, depth + 1, cancellationToken);
                    break;
                case ContainerBlock nested:
                    AddBlocks(nested, paragraphKind, collector, depth + 1, cancellationToken);
                    break;
            }
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
            return "";
        var text = new StringBuilder();
        Append(inline, text, depth: 0);
        return text.ToString();
    }

    private static void Append(ContainerInline container, StringBuilder text, int depth)
    {
        if (depth > MaxDepth)
            return;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case AutolinkInline link: text.Append(link.Url); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
                case ContainerInline nested: Append(nested, text, depth + 1); break;
            }
        }
    }
}
