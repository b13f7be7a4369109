using System.Text.Json;
using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// JSON flattened to "path.to.key: value" lines. Lines are grouped per record: a container whose leaves
/// fit in <see cref="MaxLinesPerBlock"/> becomes one block, a bigger one is split into its members.
/// </summary>
public sealed class JsonTextExtractor : FileTextExtractor
{
    private const int MaxLinesPerBlock = 40;

    protected override IReadOnlyCollection<string> Extensions { get; } = [".json"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["application/json", "text/json"];

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var collector = new BlockCollector();
        AddGroup(json.RootElement, "", collector, cancellationToken);
        return new ExtractedDocument(collector.Blocks, PageCount: null);
    }

    private static void AddGroup(JsonElement element, string path, BlockCollector collector, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (CountLeaves(element) <= MaxLinesPerBlock || !IsContainer(element))
        {
            var lines = new List<string>();
            Flatten(element, path, lines);
            collector.Add(string.Join('\n', lines), TextBlockKind.Paragraph, page: null, keepLineBreaks: true);
            return;
        }
        // Scalar members next to each other share a block; containers get their own.
        var scalars = new List<string>();
        foreach (var (childPath, child) in Children(element, path))
        {
            if (IsContainer(child))
            {
                FlushScalars();
                AddGroup(child, childPath, collector, cancellationToken);
            }
            else
            {
                Flatten(child, childPath, scalars);
                if (scalars.Count >= MaxLinesPerBlock)
                    FlushScalars();
            }
        }
        FlushScalars();

        void FlushScalars()
        {
            collector.Add(string.Join('\n', scalars), TextBlockKind.Paragraph, page: null, keepLineBreaks: true);
            scalars.Clear();
        }
    }

    private static bool IsContainer(JsonElement e) => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static IEnumerable<(string Path, JsonElement Value)> Children(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(p => (path.Length == 0 ? p.Name : $"{path}.{p.Name}", p.Value))
            : element.EnumerateArray().Select((v, i) => ($"{path}[{i}]", v));

    private static int CountLeaves(JsonElement element) =>
        IsContainer(element) ? Children(element, "").Sum(c => CountLeaves(c.Value)) : 1;

    private static void Flatten(JsonElement element, string path, List<string> lines)
    {
        if (IsContainer(element))
        {
            foreach (var (childPath, child) in Children(element, path))
                Flatten(child, childPath, lines);
            return;
        }
        var value = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? "",
            JsonValueKind.Null => "null",
            _ => element.GetRawText(),
        };
        if (value.Trim().Length > 0)
            lines.Add(path.Length == 0 ? value : $"{path}: {TextCleanup.CollapseWhitespace(value)}");
    }
}
