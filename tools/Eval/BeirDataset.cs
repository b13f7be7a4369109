using System.Text.Json;

namespace CleanRag.Eval;

/// <summary>A BEIR folder: corpus.jsonl, queries.jsonl and qrels/{split}.tsv.</summary>
internal sealed record BeirDataset(
    IReadOnlyList<BeirDocument> Corpus,
    IReadOnlyList<BeirQuery> Queries,
    IReadOnlyDictionary<string, Dictionary<string, int>> Relevance)
{
    /// <summary>Loads the corpus and only the queries that have judgements in <paramref name="split"/>.</summary>
    public static BeirDataset Load(string folder, string split)
    {
        var qrelsPath = Path.Combine(folder, "qrels", $"{split}.tsv");
        if (!File.Exists(qrelsPath))
            throw new FileNotFoundException($"No judgements for split '{split}'.", qrelsPath);

        var relevance = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(qrelsPath).Skip(1)) // header: query-id, corpus-id, score
        {
            var columns = line.Split('\t');
            if (columns.Length < 3 || !int.TryParse(columns[2], out var grade) || grade <= 0)
                continue;
            if (!relevance.TryGetValue(columns[0], out var judged))
                relevance[columns[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            judged[columns[1]] = grade;
        }

        var corpus = ReadJsonLines(Path.Combine(folder, "corpus.jsonl"))
            .Select(d => new BeirDocument(d.GetProperty("_id").GetString()!, Optional(d, "title"), Optional(d, "text")))
            .ToList();
        var queries = ReadJsonLines(Path.Combine(folder, "queries.jsonl"))
            .Select(q => new BeirQuery(q.GetProperty("_id").GetString()!, Optional(q, "text")))
            .Where(q => relevance.ContainsKey(q.Id))
            .ToList();
        return new BeirDataset(corpus, queries, relevance);
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement);

    private static string Optional(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

internal sealed record BeirDocument(string Id, string Title, string Text);

internal sealed record BeirQuery(string Id, string Text);
