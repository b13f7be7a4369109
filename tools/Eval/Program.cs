using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleanRag.Application.Search;
using CleanRag.Eval;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Search.Lucene;

// Usage: dotnet run -c Release --project tools/Eval -- <beir-folder> [--split train|test]
//        [--fusion auto|rrf|convex] [--lexical-weight 0.5] [--dimensions 384]
// Indexes the corpus through ISearchIndex (the embedded Lucene engine, in a temporary directory) with
// hashing embeddings, then issues every judged query three ways and prints quality and speed per method.

const int IndexBatchSize = 128;
const int ResultsPerQuery = 100;
const int WarmUpQueries = 100; // enough for tiered JIT to settle, so the first method measured is not penalised

if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("Usage: CleanRag.Eval <beir-folder> [--split train|test] [--fusion auto|rrf|convex] [--lexical-weight w] [--dimensions n]");
    return 2;
}
var folder = args[0];
var split = Option("--split") ?? "train";
var dimensions = int.Parse(Option("--dimensions") ?? HashingEmbeddingGenerator.DefaultDimensions.ToString(CultureInfo.InvariantCulture),
    CultureInfo.InvariantCulture);

var dataset = BeirDataset.Load(folder, split);
Console.WriteLine($"{folder}: {dataset.Corpus.Count} documents, {dataset.Queries.Count} queries judged in '{split}'.");

var dataDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-eval", Guid.NewGuid().ToString("N"));
try
{
    using var embedder = new HashingEmbeddingGenerator(dimensions);
    // By default, fuse as the service does for this embedder (FusionDefaults); --fusion overrides.
    var fusion = (Option("--fusion") ?? "auto") switch
    {
        "auto" => FusionDefaults.For(embedder.ModelId),
        "rrf" => FusionOptions.Default,
        "convex" => FusionOptions.Default with
        {
            Method = FusionMethod.WeightedConvex,
            LexicalWeight = double.Parse(Option("--lexical-weight") ?? "0.5", CultureInfo.InvariantCulture),
        },
        var other => throw new ArgumentException($"Unknown fusion '{other}' (auto, rrf or convex)."),
    };
    var space = new EmbeddingSpace(embedder.ModelId, embedder.Dimensions);
    await using var index = new LuceneSearchIndex(dataDirectory);
    var scope = new ProjectScope(Guid.NewGuid(), Guid.NewGuid());

    var indexing = Stopwatch.StartNew();
    var embedding = new Stopwatch();
    foreach (var batch in dataset.Corpus.Chunk(IndexBatchSize))
    {
        embedding.Start();
        var embeddings = await embedder.GenerateAsync(batch.Select(d => $"{d.Title}\n{d.Text}"));
        embedding.Stop();
        var chunks = batch.Select((d, i) => new IndexedChunk(
                d.Id, DocumentIdOf(d.Id), 1, d.Title, d.Text, null, null, null, 0, d.Text.Length, embeddings[i].Vector))
            .ToList();
        await index.UpsertAsync(scope, space, chunks, CancellationToken.None);
    }
    indexing.Stop();
    var docsPerSecond = dataset.Corpus.Count / indexing.Elapsed.TotalSeconds;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Indexed in {indexing.Elapsed.TotalSeconds:F1} s: embedding {embedding.Elapsed.TotalSeconds:F1} s, upserts {(indexing.Elapsed - embedding.Elapsed).TotalSeconds:F1} s."));
    Console.WriteLine($"Embedder {embedder.ModelId}; fusion {fusion.Method} (RRF k={fusion.RrfK}, lexical weight {fusion.LexicalWeight}, window {fusion.WindowPerSignal}).");
    Console.WriteLine();
    Console.WriteLine($"{"method",-8} {"nDCG@10",8} {"R@10",8} {"R@100",8} {"MRR@10",8} {"index docs/s",13} {"p50 ms",8} {"p95 ms",8}");
    foreach (var method in new[] { "bm25", "vector", "hybrid" })
    {
        var useText = method != "vector";
        var useVector = method != "bm25";
        foreach (var query in dataset.Queries.Take(WarmUpQueries))
            await Search(query.Text, useText, useVector);

        var ndcg = new List<double>();
        var recall10 = new List<double>();
        var recall100 = new List<double>();
        var mrr = new List<double>();
        var latencies = new List<double>();
        foreach (var query in dataset.Queries)
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await Search(query.Text, useText, useVector);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var ranked = hits.Select(h => h.Chunk.ChunkId).ToList();
            var relevant = dataset.Relevance[query.Id];
            ndcg.Add(RetrievalMetrics.Ndcg(ranked, relevant, 10));
            recall10.Add(RetrievalMetrics.Recall(ranked, relevant, 10));
            recall100.Add(RetrievalMetrics.Recall(ranked, relevant, 100));
            mrr.Add(RetrievalMetrics.ReciprocalRank(ranked, relevant, 10));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method,-8} {ndcg.Average(),8:F4} {recall10.Average(),8:F4} {recall100.Average(),8:F4} {mrr.Average(),8:F4} " +
            $"{docsPerSecond,13:F0} {RetrievalMetrics.Percentile(latencies, 50),8:F2} {RetrievalMetrics.Percentile(latencies, 95),8:F2}"));
    }
    Console.WriteLine();
    Console.WriteLine("index docs/s: embedding + indexing the whole corpus (batches of 128), shared by all rows;");
    Console.WriteLine("latency: per query end to end (query embedding + search + fusion), after a warm-up.");
    return 0;

    async Task<IReadOnlyList<SearchHit>> Search(string text, bool useText, bool useVector)
    {
        var vector = useVector ? (await embedder.GenerateAsync([text]))[0].Vector : ReadOnlyMemory<float>.Empty;
        return await index.SearchAsync(
            new HybridQuery(scope, useText ? text : "", vector, ResultsPerQuery, fusion), CancellationToken.None);
    }
}
finally
{
    if (Directory.Exists(dataDirectory))
        Directory.Delete(dataDirectory, recursive: true);
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

// BEIR ids are strings; the index wants a document Guid, derived stably from the id.
static Guid DocumentIdOf(string beirId) => new(MD5.HashData(Encoding.UTF8.GetBytes(beirId)));
