// Engine speed, side by side in one process and one run: raw Lucene.NET (IndexWriter, BM25 IndexSearcher, the service's
// analyzer, one analysed field, top 100; plus a plain SIMD scan over the vectors) against the service's ISearchIndex
// (LuceneSearchIndex) on the same corpus and queries. Prints indexing docs/s, query p50/p95/p99 and peak RSS for both,
// and the service ÷ raw ratios.
//
//   dotnet build -c Release tools/EngineBench
//   dotnet tools/EngineBench/bin/Release/net10.0/CleanRag.EngineBench.dll ../shared/datasets/scifact [--rounds 3] [--batch 1]
//
// --rounds 0 measures indexing only. --batch: documents per ISearchIndex upsert (1, the default, is what ingestion does: one document, one upsert, then
// its older versions deleted). Vectors come from the hashing embedder and are computed before either engine is timed,
// so model speed stays out of the figures. Query timings interleave the engines query by query, so the load of this
// shared machine falls on both alike.
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using CleanRag.Application.Search;
using CleanRag.Eval;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Search.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = System.IO.Directory;

const int TopK = 100;
const int WarmUpQueries = 100;
const string Field = "content";

if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("Usage: CleanRag.EngineBench <beir-folder> [--rounds n] [--batch n]   (e.g. ../shared/datasets/scifact)");
    return 2;
}
var folder = args[0];
if (!File.Exists(Path.Combine(folder, "corpus.jsonl")))
{
    Console.WriteLine($"Skipped: no BEIR corpus at {Path.GetFullPath(folder)} (the shared datasets are absent here).");
    return 0;
}
var rounds = int.Parse(Option("--rounds") ?? "3", CultureInfo.InvariantCulture);
var batchSize = int.Parse(Option("--batch") ?? "1", CultureInfo.InvariantCulture);

var dataset = BeirDataset.Load(folder, "train");
var corpus = dataset.Corpus;
var queries = dataset.Queries;
Console.WriteLine($"{folder}: {corpus.Count} documents, {queries.Count} queries; top {TopK}; {rounds} rounds; " +
    $"service upserts of {batchSize} document(s); {Environment.ProcessorCount} cores, load {LoadAverage()}.");

using var embedder = new HashingEmbeddingGenerator();
var embedding = Stopwatch.StartNew();
var corpusVectors = corpus.Select(d => embedder.Embed($"{d.Title}\n{d.Text}")).ToArray();
var queryVectors = queries.Select(q => embedder.Embed(q.Text)).ToArray();
Console.WriteLine(F($"Hashing embeddings ({embedder.Dimensions} dims) computed up front in {embedding.Elapsed.TotalSeconds:F1} s (not timed below)."));

var root = Path.Combine(Path.GetTempPath(), "cleanrag-engine-bench", Guid.NewGuid().ToString("N"));
try
{
    // ---- raw Lucene.NET: one analysed field, one commit at the end ------------------------------------------------
    var bm25 = new BM25Similarity(k1: 1.2f, b: 0.75f);
    using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    PeakMemory.Reset();
    var rawIndexing = Stopwatch.StartNew();
    using var rawDirectory = FSDirectory.Open(new DirectoryInfo(Path.Combine(root, "raw")));
    using (var writer = new IndexWriter(rawDirectory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = bm25 }))
    {
        foreach (var document in corpus)
            writer.AddDocument([new TextField(Field, $"{document.Title}\n{document.Text}", Lucene.Net.Documents.Field.Store.NO)]);
        writer.Commit();
    }
    var rawVectors = new RawVectors(corpusVectors);
    using var rawReader = DirectoryReader.Open(rawDirectory);
    var rawSearcher = new IndexSearcher(rawReader) { Similarity = bm25 };
    rawIndexing.Stop();
    var rawIndexingPeak = PeakMemory.ResidentBytes();

    // ---- the service's ISearchIndex, fed as ingestion feeds it -----------------------------------------------------
    GC.Collect();
    PeakMemory.Reset();
    var space = new EmbeddingSpace(embedder.ModelId, embedder.Dimensions);
    await using var service = new LuceneSearchIndex(Path.Combine(root, "service"));
    var scope = new ProjectScope(Guid.NewGuid(), Guid.NewGuid());
    var fusion = FusionDefaults.For(embedder.ModelId);
    var serviceIndexing = Stopwatch.StartNew();
    for (var start = 0; start < corpus.Count; start += batchSize)
    {
        var batch = Enumerable.Range(start, Math.Min(batchSize, corpus.Count - start)).Select(i => Chunk(corpus[i], corpusVectors[i])).ToList();
        await service.UpsertAsync(scope, space, batch, CancellationToken.None);
        foreach (var chunk in batch)
            await service.DeleteDocumentAsync(scope, chunk.DocumentId, new VersionSelector(AllExcept: chunk.DocumentVersion), CancellationToken.None);
    }
    // Indexed means searchable: the first search after the last write is part of it.
    var visible = await service.SearchAsync(new HybridQuery(scope, queries[0].Text, ReadOnlyMemory<float>.Empty, TopK), CancellationToken.None);
    serviceIndexing.Stop();
    var serviceIndexingPeak = PeakMemory.ResidentBytes();
    if (visible.Count == 0)
        throw new InvalidOperationException("The service's index answered nothing after indexing.");

    // ---- queries, interleaved ----------------------------------------------------------------------------------------
    var latencies = new Dictionary<string, List<double>>
    {
        ["raw bm25"] = [], ["raw vector"] = [], ["raw bm25+vector"] = [], ["service bm25"] = [], ["service hybrid"] = [],
    };
    var hitCounts = new long[2];
    for (var round = 0; round <= rounds; round++)
    {
        // Round 0 warms up (JIT tiers, caches) and is not recorded.
        var measured = round > 0;
        for (var q = 0; q < (measured ? queries.Count : Math.Min(WarmUpQueries, queries.Count)); q++)
        {
            var text = queries[q].Text;
            var started = Stopwatch.GetTimestamp();
            var rawHits = rawSearcher.Search(Bm25Query(text), TopK).ScoreDocs.Length;
            var rawBm25 = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            rawVectors.Search(queryVectors[q], TopK);
            var rawVector = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            var serviceHits = (await service.SearchAsync(new HybridQuery(scope, text, ReadOnlyMemory<float>.Empty, TopK), CancellationToken.None)).Count;
            var serviceBm25 = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            await service.SearchAsync(new HybridQuery(scope, text, queryVectors[q], TopK, fusion), CancellationToken.None);
            var serviceHybrid = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            if (!measured)
                continue;
            latencies["raw bm25"].Add(rawBm25);
            latencies["raw vector"].Add(rawVector);
            latencies["raw bm25+vector"].Add(rawBm25 + rawVector);
            latencies["service bm25"].Add(serviceBm25);
            latencies["service hybrid"].Add(serviceHybrid);
            hitCounts[0] += rawHits;
            hitCounts[1] += serviceHits;
        }
    }
    var queryPeak = PeakMemory.ResidentBytes();

    Console.WriteLine();
    var rawDocsPerSecond = corpus.Count / rawIndexing.Elapsed.TotalSeconds;
    var serviceDocsPerSecond = corpus.Count / serviceIndexing.Elapsed.TotalSeconds;
    Console.WriteLine(F($"indexing  raw      {rawDocsPerSecond,8:F0} docs/s  ({rawIndexing.Elapsed.TotalSeconds:F2} s, one commit, reader opened; peak RSS {rawIndexingPeak / 1048576} MB)"));
    Console.WriteLine(F($"indexing  service  {serviceDocsPerSecond,8:F0} docs/s  ({serviceIndexing.Elapsed.TotalSeconds:F2} s, with vectors, until searchable; peak RSS {serviceIndexingPeak / 1048576} MB)"));
    Console.WriteLine(F($"indexing  raw ÷ service: {rawDocsPerSecond / serviceDocsPerSecond:F2}×"));
    if (rounds == 0)
        return 0; // indexing only: the warm-up queries ran, none was recorded
    Console.WriteLine();
    Console.WriteLine($"{"query (ms)",-18} {"p50",8} {"p95",8} {"p99",8}");
    foreach (var (name, values) in latencies)
        Console.WriteLine(F($"{name,-18} {Percentile(values, 50),8:F3} {Percentile(values, 95),8:F3} {Percentile(values, 99),8:F3}"));
    Console.WriteLine();
    foreach (var (service_, raw) in new[] { ("service bm25", "raw bm25"), ("service hybrid", "raw bm25+vector") })
    {
        Console.WriteLine(F($"{service_} ÷ {raw}: p50 {Ratio(service_, raw, 50):F2}×  p95 {Ratio(service_, raw, 95):F2}×  p99 {Ratio(service_, raw, 99):F2}×"));
    }
    Console.WriteLine(F($"hits per BM25 query: raw {hitCounts[0] / (double)latencies["raw bm25"].Count:F1}, service {hitCounts[1] / (double)latencies["service bm25"].Count:F1}"));
    Console.WriteLine($"peak RSS while querying (both engines open): {queryPeak / 1048576} MB; load {LoadAverage()}.");
    return 0;

    double Ratio(string numerator, string denominator, double percentile) =>
        Percentile(latencies[numerator], percentile) / Percentile(latencies[denominator], percentile);

    Query Bm25Query(string text)
    {
        // As the service builds it: the analysed terms, each boosted by how often the query repeats it.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var tokens = analyzer.GetTokenStream(Field, text))
        {
            var term = tokens.AddAttribute<ICharTermAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken())
                counts[term.ToString()] = counts.GetValueOrDefault(term.ToString()) + 1;
            tokens.End();
        }
        var query = new BooleanQuery();
        foreach (var (term, count) in counts)
            query.Add(new TermQuery(new Term(Field, term)) { Boost = count }, Occur.SHOULD);
        return query;
    }
}
finally
{
    if (Directory.Exists(root))
        Directory.Delete(root, recursive: true);
}

static IndexedChunk Chunk(BeirDocument document, float[] vector) =>
    new(document.Id, new Guid(MD5.HashData(Encoding.UTF8.GetBytes(document.Id))), 1, document.Title, document.Text,
        null, null, null, 0, document.Text.Length, vector);

static double Percentile(List<double> values, double percentile)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

/// <summary>The vector baseline: L2-normalised vectors in one array, a SIMD dot product each, a bounded heap of the best.</summary>
internal sealed class RawVectors
{
    private readonly float[] _vectors;
    private readonly int _dimensions;
    private readonly int _count;

    public RawVectors(float[][] vectors)
    {
        _count = vectors.Length;
        _dimensions = vectors[0].Length;
        _vectors = new float[_count * _dimensions];
        for (var i = 0; i < _count; i++)
            Normalise(vectors[i], _vectors.AsSpan(i * _dimensions, _dimensions));
    }

    public int[] Search(float[] query, int topK)
    {
        var normalised = new float[_dimensions];
        Normalise(query, normalised);
        var best = new PriorityQueue<int, float>(topK + 1);
        for (var i = 0; i < _count; i++)
        {
            var similarity = TensorPrimitives.Dot(_vectors.AsSpan(i * _dimensions, _dimensions), normalised);
            if (best.Count < topK)
                best.Enqueue(i, similarity);
            else if (best.TryPeek(out _, out var weakest) && similarity > weakest)
                best.EnqueueDequeue(i, similarity);
        }
        var result = new int[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
            result[i] = best.Dequeue();
        return result;
    }

    private static void Normalise(ReadOnlySpan<float> vector, Span<float> destination)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, destination);
    }
}
