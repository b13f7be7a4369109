using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleanRag.Application.Search;
using CleanRag.Eval;
using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Search.Lucene;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project tools/Eval -- <beir-folder> [--split train|test]
//        [--embedder local|hashing|onnx|openai|ollama] [--model minilm|arctic-xs] [--max-tokens n]
//        [--fusion auto|rrf|convex] [--lexical-weight w] [--rrf-k k] [--sweep] [--no-cache] [--cache-dir dir]
// Without options it runs the service's default configuration (AiOptions' defaults, the fusion FusionDefaults picks
// for the embedder), so its figures are what users get. Other AI:* settings come from the environment
// (AI__Embeddings__Remote__Endpoint=...), as for the API. The corpus is embedded through the same provider the API
// registers, cached per model (a rerun does not embed again), indexed through ISearchIndex (the embedded Lucene
// engine, in a temporary directory), and every judged query is issued three ways (bm25, vector, hybrid).
//
// Question mode: dotnet run -c Release --project tools/Eval -- --questions <file.jsonl> --documents <folder>
//        [--api url] [--off-topic-file file] [--chunk-size tokens] [--keep-project]
// runs reference questions through a RUNNING service's public API (ChatQuestions): the embedder and generator are
// the service's own, so start it with the configuration to measure (AI__Embeddings__Provider=local build/run.sh).

const int IndexBatchSize = 64; // as DocumentIndexer hands chunks to the embedder
const int ResultsPerQuery = 100;
const int WarmUpQueries = 100; // enough for tiered JIT to settle, so the first method measured is not penalised

if (Option("--questions") is { } questionsPath)
{
    if (Option("--documents") is not { } documentsFolder)
    {
        Console.Error.WriteLine("Question mode needs --documents <folder> (the files the questions are about).");
        return 2;
    }
    try
    {
        return await ChatQuestions.RunAsync(questionsPath, documentsFolder,
            Option("--api") ?? Environment.GetEnvironmentVariable("CLEANRAG_HTTP_URL") ?? "http://127.0.0.1:5080",
            Option("--off-topic-file"), Option("--chunk-size") is { } chunkSize ? int.Parse(chunkSize, CultureInfo.InvariantCulture) : null,
            args.Contains("--keep-project"));
    }
    catch (Exception e) when (e is SetupFailedException or HttpRequestException)
    {
        Console.Error.WriteLine($"Setup failed: {e.Message}");
        return 1;
    }
}
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("Usage: CleanRag.Eval <beir-folder> [--split train|test] [--embedder local|hashing|onnx|openai|ollama] " +
        "[--model minilm|arctic-xs] [--max-tokens n] [--fusion auto|rrf|convex] [--lexical-weight w] [--rrf-k k] [--sweep] " +
        "[--no-cache] [--cache-dir dir]\n   or: CleanRag.Eval --questions <file.jsonl> --documents <folder> [--api url] [--off-topic-file file] [--chunk-size tokens] [--keep-project]");
    return 2;
}
var folder = args[0];
var split = Option("--split") ?? "train";

var settings = new Dictionary<string, string?>();
if (Option("--embedder") is { } provider)
    settings["AI:Embeddings:Provider"] = provider;
if (Option("--model") is { } model)
{
    // A local model names the local provider, whatever the service's default is.
    settings["AI:Embeddings:Local:Model"] = model;
    settings["AI:Embeddings:Provider"] = Option("--embedder") ?? AiProviderNames.Local;
}
if (Option("--max-tokens") is { } maxTokens)
    settings["AI:Embeddings:Local:MaxSequenceLength"] = maxTokens;
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
await using var services = new ServiceCollection()
    .AddAiProviders(configuration, _ => new HashingEmbeddingGenerator())
    .BuildServiceProvider();
var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
var embedderMetadata = embedder.GetService<EmbeddingGeneratorMetadata>();
var modelId = embedderMetadata?.DefaultModelId ?? "unknown";
var embeddingOptions = services.GetRequiredService<AiOptions>().Embeddings;
var providerName = embeddingOptions.Provider.Trim().ToLowerInvariant();
var isHashing = providerName == AiProviderNames.Hashing;

var defaultFusion = FusionDefaults.For(modelId);
var fusion = (Option("--fusion") ?? "auto") switch
{
    "auto" => defaultFusion,
    "rrf" => FusionOptions.Default with { Method = FusionMethod.ReciprocalRank },
    "convex" => FusionOptions.Default with { Method = FusionMethod.WeightedConvex },
    var other => throw new ArgumentException($"Unknown fusion '{other}' (auto, rrf or convex)."),
};
if (Option("--lexical-weight") is { } weight)
    fusion = fusion with { LexicalWeight = double.Parse(weight, CultureInfo.InvariantCulture) };
if (Option("--rrf-k") is { } rrfK)
    fusion = fusion with { RrfK = int.Parse(rrfK, CultureInfo.InvariantCulture) };

var dataset = BeirDataset.Load(folder, split);
Console.WriteLine($"{folder}: {dataset.Corpus.Count} documents, {dataset.Queries.Count} queries judged in '{split}'.");
Console.WriteLine($"Embedder {embedderMetadata?.ProviderName} {modelId}" +
    (providerName == AiProviderNames.Local
        ? $" (window {embeddingOptions.Local.MaxSequenceLength} tokens, batch {embeddingOptions.Local.BatchSize})" : "") + ".");

var dataDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-eval", Guid.NewGuid().ToString("N"));
try
{
    // ---- corpus embeddings: from the cache, or embedded now and cached ----------------------------------------
    var corpusTexts = dataset.Corpus.Select(d => $"{d.Title}\n{d.Text}").ToList();
    var cache = new EmbeddingCache(Option("--cache-dir") ?? EmbeddingCache.DefaultDirectory);
    var cacheKey = EmbeddingCache.Key(modelId, $"w{embeddingOptions.Local.MaxSequenceLength}", Path.Combine(folder, "corpus.jsonl"));
    var useCache = !isHashing && !args.Contains("--no-cache");
    float[][] corpusVectors;
    EmbeddingCache.Cost cost;
    var fromCache = false;
    if (useCache && cache.TryLoad(cacheKey, corpusTexts.Count) is { } cached)
    {
        fromCache = true;
        (corpusVectors, cost) = cached;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus embeddings from the cache ({cacheKey}); when computed: {cost.Seconds:F1} s, {cost.TextsPerSecond:F1} texts/s, peak RSS {cost.PeakRssBytes / 1048576} MB."));
    }
    else
    {
        var embedding = Stopwatch.StartNew();
        corpusVectors = new float[corpusTexts.Count][];
        var done = 0;
        foreach (var batch in corpusTexts.Chunk(IndexBatchSize))
        {
            var embeddings = await embedder.GenerateAsync(batch);
            for (var i = 0; i < batch.Length; i++)
                corpusVectors[done + i] = embeddings[i].Vector.ToArray();
            done += batch.Length;
            if (!isHashing && done % (IndexBatchSize * 10) == 0)
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r  embedded {done}/{corpusTexts.Count} ({done / embedding.Elapsed.TotalSeconds:F1}/s)"));
        }
        embedding.Stop();
        if (!isHashing)
            Console.Error.WriteLine();
        cost = new EmbeddingCache.Cost(embedding.Elapsed.TotalSeconds, corpusTexts.Count / embedding.Elapsed.TotalSeconds, PeakMemory.ResidentBytes());
        if (useCache)
            cache.Save(cacheKey, corpusVectors, cost);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus embedded in {cost.Seconds:F1} s: {cost.TextsPerSecond:F1} texts/s (calls of {IndexBatchSize}); peak RSS so far {cost.PeakRssBytes / 1048576} MB."));
    }

    // ---- index ------------------------------------------------------------------------------------------------
    var space = new EmbeddingSpace(modelId, corpusVectors[0].Length);
    await using var index = new LuceneSearchIndex(dataDirectory);
    var scope = new ProjectScope(Guid.NewGuid(), Guid.NewGuid());
    var indexing = Stopwatch.StartNew();
    for (var start = 0; start < dataset.Corpus.Count; start += IndexBatchSize)
    {
        var chunks = dataset.Corpus.Skip(start).Take(IndexBatchSize)
            .Select((d, i) => new IndexedChunk(d.Id, DocumentIdOf(d.Id), 1, d.Title, d.Text, null, null, null, 0, d.Text.Length,
                corpusVectors[start + i]))
            .ToList();
        await index.UpsertAsync(scope, space, chunks, CancellationToken.None);
    }
    indexing.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Indexed (BM25 + vectors, embeddings given) in {indexing.Elapsed.TotalSeconds:F1} s."));

    // ---- query embeddings, one query per call as the chat embeds them ---------------------------------------
    foreach (var query in dataset.Queries.Take(20))
        await embedder.GenerateAsync([query.Text], EmbeddingInput.Queries());
    var queryVectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
    var queryLatencies = new List<double>();
    foreach (var query in dataset.Queries)
    {
        var started = Stopwatch.GetTimestamp();
        queryVectors[query.Id] = (await embedder.GenerateAsync([query.Text], EmbeddingInput.Queries()))[0].Vector;
        queryLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Query embedding: p50 {RetrievalMetrics.Percentile(queryLatencies, 50):F2} ms, p95 {RetrievalMetrics.Percentile(queryLatencies, 95):F2} ms."));
    Console.WriteLine(Describe(fusion) + (fusion == defaultFusion ? " (the service's default for this embedder)" : "") + ".");
    Console.WriteLine();

    Console.WriteLine($"{"method",-8} {"nDCG@10",8} {"R@10",8} {"R@100",8} {"MRR@10",8} {"p50 ms",8} {"p95 ms",8}");
    foreach (var method in new[] { "bm25", "vector", "hybrid" })
    {
        var useText = method != "vector";
        var useVector = method != "bm25";
        var scores = await Evaluate(useText, useVector, fusion, measure: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method,-8} {scores.Ndcg,8:F4} {scores.Recall10,8:F4} {scores.Recall100,8:F4} {scores.Mrr,8:F4} {scores.P50,8:F2} {scores.P95,8:F2}"));
    }
    Console.WriteLine();
    Console.WriteLine("latency: search + fusion per query after a warm-up (the query's embedding is timed above, not here).");

    if (args.Contains("--sweep"))
    {
        Console.WriteLine();
        Console.WriteLine("Hybrid nDCG@10 by fusion:");
        FusionOptions[] candidates =
        [
            .. new[] { 10, 20, 40, 60, 100 }.Select(k => FusionOptions.Default with { Method = FusionMethod.ReciprocalRank, RrfK = k }),
            .. Enumerable.Range(1, 9).Select(w => FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = w / 10.0 }),
        ];
        foreach (var candidate in candidates)
        {
            var scores = await Evaluate(true, true, candidate, measure: false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Describe(candidate),-48} nDCG@10 {scores.Ndcg:F4}  R@100 {scores.Recall100:F4}"));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Peak RSS of this process: {PeakMemory.ResidentBytes() / 1048576} MB" +
        (fromCache ? " (the corpus embeddings came from the cache: the corpus was not embedded in this run)." : "."));
    return 0;

    async Task<Scores> Evaluate(bool useText, bool useVector, FusionOptions fusionOptions, bool measure)
    {
        if (measure)
        {
            foreach (var query in dataset.Queries.Take(WarmUpQueries))
                await Search(query, useText, useVector, fusionOptions);
        }
        var ndcg = new List<double>();
        var recall10 = new List<double>();
        var recall100 = new List<double>();
        var mrr = new List<double>();
        var latencies = new List<double>();
        foreach (var query in dataset.Queries)
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await Search(query, useText, useVector, fusionOptions);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var ranked = hits.Select(h => h.Chunk.ChunkId).ToList();
            var relevant = dataset.Relevance[query.Id];
            ndcg.Add(RetrievalMetrics.Ndcg(ranked, relevant, 10));
            recall10.Add(RetrievalMetrics.Recall(ranked, relevant, 10));
            recall100.Add(RetrievalMetrics.Recall(ranked, relevant, 100));
            mrr.Add(RetrievalMetrics.ReciprocalRank(ranked, relevant, 10));
        }
        return new Scores(ndcg.Average(), recall10.Average(), recall100.Average(), mrr.Average(),
            RetrievalMetrics.Percentile(latencies, 50), RetrievalMetrics.Percentile(latencies, 95));
    }

    Task<IReadOnlyList<SearchHit>> Search(BeirQuery query, bool useText, bool useVector, FusionOptions fusionOptions) =>
        index.SearchAsync(new HybridQuery(scope, useText ? query.Text : "", useVector ? queryVectors[query.Id] : ReadOnlyMemory<float>.Empty,
            ResultsPerQuery, fusionOptions), CancellationToken.None);
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

static string Describe(FusionOptions options) => options.Method == FusionMethod.ReciprocalRank
    ? $"fusion RRF (k={options.RrfK}, window {options.WindowPerSignal})"
    : string.Create(CultureInfo.InvariantCulture, $"fusion min-max convex (BM25 weight {options.LexicalWeight}, window {options.WindowPerSignal})");

// BEIR ids are strings; the index wants a document Guid, derived stably from the id.
static Guid DocumentIdOf(string beirId) => new(MD5.HashData(Encoding.UTF8.GetBytes(beirId)));

internal sealed record Scores(double Ndcg, double Recall10, double Recall100, double Mrr, double P50, double P95);
