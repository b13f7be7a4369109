using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// HTML: boilerplate (scripts, navigation, site banners and footers, forms, asides) is dropped, the
/// main/article element is preferred, h1-h6 build the heading path, and p/li/tr/pre/div become blocks.
/// </summary>
public sealed class HtmlTextExtractor : FileTextExtractor
{
    private const int MaxDepth = 256;

    private const string Boilerplate =
        "script, style, noscript, template, nav, aside, form, footer, iframe, svg, button, select, " +
        "[role=navigation], [role=banner], [role=contentinfo], [hidden], [aria-hidden=true]";

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "figure", "figcaption", "address", "details", "summary", "header", "body", "center", "caption",
    };

    protected override IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".xhtml"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["text/html", "application/xhtml+xml"];

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        var document = new HtmlParser().ParseDocument(new MemoryStream(content));
        foreach (var element in document.QuerySelectorAll(Boilerplate).ToList())
            element.Remove();
        // A <header> is the site banner unless it sits in the main content (then it usually holds the title).
        foreach (var header in document.QuerySelectorAll("header").Where(h => h.Closest("main, article") is null).ToList())
            header.Remove();

        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body ?? document.DocumentElement;
        var walker = new Walker(cancellationToken);
        walker.Walk(root, 0);
        walker.Flush();
        var title = string.IsNullOrWhiteSpace(document.Title) ? null : TextCleanup.CollapseWhitespace(document.Title);
        return new ExtractedDocument(walker.Collector.Blocks, PageCount: null, title);
    }

    private sealed class Walker(CancellationToken cancellationToken)
    {
        private readonly StringBuilder _pending = new();
        private TextBlockKind _pendingKind = TextBlockKind.Paragraph;

        public BlockCollector Collector { get; } = new();

        public void Walk(INode node, int depth)
        {
            if (depth > MaxDepth)
                return;
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _pending.Append(text.Data);
                    continue;
                }
                if (child is not IElement element)
                    continue;
                var tag = element.LocalName;
                if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6')
                {
                    Flush();
                    Collector.AddHeading(tag[1] - '0', TextOf(element), page: null);
                }
                else if (tag == "tr")
                {
                    Flush();
                    var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(c => TextCleanup.CollapseWhitespace(TextOf(c)));
                    Collector.Add(string.Join(" | ", cells.Where(c => c.Length > 0)), TextBlockKind.TableRow, page: null);
                }
                else if (tag == "pre")
                {
                    Flush();
                    Collector.Add(TextOf(element), TextBlockKind.Code, page: null, keepLineBreaks: true);
                }
                else if (tag == "br")
                    _pending.Append('\n');
                else if (tag == "li")
                    WalkBlock(element, TextBlockKind.ListItem, depth);
                else if (BlockTags.Contains(tag))
                    WalkBlock(element, TextBlockKind.Paragraph, depth);
                else
                    Walk(element, depth + 1);
            }
        }

        public void Flush()
        {
            Collector.Add(_pending.ToString(), _pendingKind, page: null);
            _pending.Clear();
        }

        private void WalkBlock(IElement element, TextBlockKind kind, int depth)
        {
            Flush();
            var outer = _pendingKind;
            _pendingKind = kind;
            Walk(element, depth + 1);
            Flush();
            _pendingKind = outer;
        }

        private static string TextOf(IElement element) => element.TextContent;
    }
}
