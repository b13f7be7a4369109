// Vector search at scale: the service's exact scan (ExactVectorIndex) against a USearch HNSW graph on the same N
// synthetic 384-dimension unit vectors. Prints build time, top-10/top-100 query p50/p95/p99, recall@10 of HNSW against
// exact and peak RSS after each engine is built.
//
//   dotnet build -c Release tools/VectorBench
//   dotnet tools/VectorBench/bin/Release/net10.0/CleanRag.VectorBench.dll --vectors 100000 [--queries 500]
//       [--scalar f32|f16|i8] [--connectivity 16] [--expansion-add 128] [--expansion-search 64] [--exact-only]
//
// --exact-only skips the graph (its single-threaded build takes minutes at 100k and more): where does exact pass 20 ms?
// --service drives the service's SizeAdaptiveVectorIndex (threshold N - 1, so it answers from its HNSW graph) instead of
// a bare USearch graph: its background build, its queries against exact, and a reopen that reloads the saved graph.
// Vectors are clustered (seeded: 1,000 Gaussian clusters, then normalised) so neighbourhoods are not uniform noise;
// queries come from the same clusters. Query timings interleave the engines query by query, so the load of this shared
// machine falls on both alike.
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Cloud.Unum.USearch;
using CleanRag.Application.Search;
using CleanRag.Eval;
using CleanRag.Infrastructure.Search.Lucene;

const int Dimensions = 384;
const int Clusters = 1_000;
const float ClusterSpread = 0.6f;
const int Batch = 10_000;

var vectorCount = int.Parse(Option("--vectors") ?? "100000", CultureInfo.InvariantCulture);
var queryCount = int.Parse(Option("--queries") ?? "500", CultureInfo.InvariantCulture);
var scalar = (Option("--scalar") ?? "f32") switch
{
    "f32" => ScalarKind.Float32,
    "f16" => ScalarKind.Float16,
    "i8" => ScalarKind.Int8,
    var other => throw new ArgumentException($"Unknown --scalar {other}: f32, f16 or i8."),
};
var connectivity = ulong.Parse(Option("--connectivity") ?? "16", CultureInfo.InvariantCulture);
var expansionAdd = ulong.Parse(Option("--expansion-add") ?? "128", CultureInfo.InvariantCulture);
var expansionSearch = ulong.Parse(Option("--expansion-search") ?? "64", CultureInfo.InvariantCulture);
var service = args.Contains("--service");
var exactOnly = args.Contains("--exact-only") || service;

Console.WriteLine($"{vectorCount:N0} vectors × {Dimensions} dims, {queryCount} queries; HNSW {scalar}, connectivity {connectivity}, " +
    $"expansion add {expansionAdd} / search {expansionSearch}; {Environment.ProcessorCount} cores, load {LoadAverage()}; " +
    $"USearch {USearchCapabilities.Version()} ({USearchCapabilities.HardwareAccelerationAvailable()}).");

var random = new Random(20);
var centroids = new float[Clusters][];
for (var c = 0; c < Clusters; c++)
    centroids[c] = Gaussian(random, 1f);
float[] Sample() => Normalised(Add(centroids[random.Next(Clusters)], Gaussian(random, ClusterSpread)));
var queries = Enumerable.Range(0, queryCount).Select(_ => Sample()).ToArray();

var directory = Path.Combine(Path.GetTempPath(), $"cleanrag-vectorbench-{Environment.ProcessId}");
var space = new EmbeddingSpace("synthetic", Dimensions);
try
{
    using var exact = new ExactVectorIndex(directory);
    using var hnsw = exactOnly ? null : new USearchIndex(MetricKind.Cos, scalar, Dimensions, connectivity, expansionAdd, expansionSearch);

    // Generated in batches so the corpus itself never has to be held twice.
    var exactBuild = new Stopwatch();
    var hnswBuild = new Stopwatch();
    for (var start = 0; start < vectorCount; start += Batch)
    {
        var batch = Enumerable.Range(start, Math.Min(Batch, vectorCount - start)).Select(i => (Key: i, Vector: Sample())).ToArray();
        exactBuild.Start();
        exact.Upsert(space, batch.Select(e => new VectorEntry($"chunk-{e.Key}", Guid.Empty, e.Vector)).ToArray());
        exactBuild.Stop();
        if (hnsw is null)
            continue;
        hnswBuild.Start();
        // One thread: the C# binding grows the capacity inside Add, which races with concurrent inserts.
        hnsw.Add(batch.Select(e => (ulong)e.Key).ToArray(), batch.Select(e => e.Vector).ToArray());
        hnswBuild.Stop();
    }
    exact.Sync();
    if (service)
    {
        RunService(exact);
        return 0;
    }
    var peakAfterBuild = PeakMemory.ResidentBytes();
    Console.WriteLine($"build: exact {exactBuild.Elapsed.TotalSeconds:F1} s (log on disk), HNSW {(hnsw is null ? "skipped" : $"{hnswBuild.Elapsed.TotalSeconds:F1} s on one thread")}; " +
        $"peak RSS {peakAfterBuild / 1048576.0:F0} MB");

    foreach (var topK in new[] { 10, 100 })
    {
        var exactTimes = new List<double>();
        var hnswTimes = new List<double>();
        var found = 0;
        var expected = 0;
        for (var round = -1; round < 1; round++) // round -1 warms up
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                var truth = exact.Search(query, topK, accept: null);
                var exactElapsed = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var keys = Array.Empty<ulong>();
                hnsw?.Search(query, topK, out keys, out _);
                var hnswElapsed = watch.Elapsed.TotalMilliseconds;
                if (round < 0)
                    continue;
                exactTimes.Add(exactElapsed);
                hnswTimes.Add(hnswElapsed);
                if (hnsw is null)
                    continue;
                var truthTen = truth.Take(10).Select(m => m.ChunkId).ToHashSet(StringComparer.Ordinal);
                found += keys.Take(10).Count(k => truthTen.Contains($"chunk-{k}"));
                expected += truthTen.Count;
            }
        Console.WriteLine($"top {topK,3}: exact p50 {Percentile(exactTimes, 50):F2} p95 {Percentile(exactTimes, 95):F2} p99 {Percentile(exactTimes, 99):F2} ms" +
            (hnsw is null ? "" : $" | HNSW p50 {Percentile(hnswTimes, 50):F2} p95 {Percentile(hnswTimes, 95):F2} p99 {Percentile(hnswTimes, 99):F2} ms | " +
            $"recall@10 {(double)found / expected:F4}"));
    }
    Console.WriteLine($"peak RSS {PeakMemory.ResidentBytes() / 1048576.0:F0} MB");
}
finally
{
    if (Directory.Exists(directory))
        Directory.Delete(directory, recursive: true);
}
return 0;

// The adaptive index is fed the exact index's vectors in the same batches; its graph builds on its own thread.
void RunService(ExactVectorIndex exact)
{
    var serviceDirectory = Path.Combine(directory, "service");
    // A threshold of N - 1: the graph answers once every vector is in.
    SizeAdaptiveVectorIndex Open() => new(serviceDirectory, vectorCount - 1, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    var adaptive = Open();
    var watch = Stopwatch.StartNew();
    var chunkIds = exact.ChunkIds();
    for (var start = 0; start < chunkIds.Length; start += Batch)
        adaptive.Upsert(space, chunkIds.Skip(start).Take(Batch).Select(id =>
        {
            var vector = new float[Dimensions];
            exact.TryRead(id, out var documentId, vector);
            return new VectorEntry(id, documentId, vector);
        }).ToList());
    var upserted = watch.Elapsed.TotalSeconds;
    adaptive.GraphBuildTask.Wait();
    Console.WriteLine($"service: upserts {upserted:F1} s, graph answering after {watch.Elapsed.TotalSeconds:F1} s " +
        $"({adaptive.GraphRepairs:N0} vectors added, saved); answers from graph: {adaptive.AnswersFromGraph}; peak RSS {PeakMemory.ResidentBytes() / 1048576.0:F0} MB");
    MeasureQueries(exact, adaptive);

    adaptive.Dispose();
    watch.Restart();
    adaptive = Open();
    var opened = watch.Elapsed.TotalSeconds;
    adaptive.GraphBuildTask.Wait();
    Console.WriteLine($"reopen: exact log replayed in {opened:F1} s, saved graph loaded and checked, answering after {watch.Elapsed.TotalSeconds:F1} s " +
        $"({adaptive.GraphRepairs:N0} vectors added or removed); answers from graph: {adaptive.AnswersFromGraph}");
    MeasureQueries(exact, adaptive);
    adaptive.Dispose();
}

void MeasureQueries(ExactVectorIndex exact, SizeAdaptiveVectorIndex adaptive)
{
    foreach (var topK in new[] { 10, 100 })
    {
        var exactTimes = new List<double>();
        var serviceTimes = new List<double>();
        int found = 0, expected = 0;
        for (var round = -1; round < 1; round++) // round -1 warms up
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                var truth = exact.Search(query, topK, accept: null);
                var exactElapsed = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var answer = adaptive.Search(query, topK, accept: null);
                var serviceElapsed = watch.Elapsed.TotalMilliseconds;
                if (round < 0)
                    continue;
                exactTimes.Add(exactElapsed);
                serviceTimes.Add(serviceElapsed);
                var truthTen = truth.Take(10).Select(m => m.ChunkId).ToHashSet(StringComparer.Ordinal);
                found += answer.Take(10).Count(m => truthTen.Contains(m.ChunkId));
                expected += truthTen.Count;
            }
        Console.WriteLine($"top {topK,3}: exact p50 {Percentile(exactTimes, 50):F2} p95 {Percentile(exactTimes, 95):F2} p99 {Percentile(exactTimes, 99):F2} ms" +
            $" | service p50 {Percentile(serviceTimes, 50):F2} p95 {Percentile(serviceTimes, 95):F2} p99 {Percentile(serviceTimes, 99):F2} ms | recall@10 {(double)found / expected:F4}");
    }
}

static float[] Gaussian(Random random, float sigma)
{
    var vector = new float[Dimensions];
    for (var i = 0; i < Dimensions; i++)
        vector[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
    return vector;
}

static float[] Add(float[] left, float[] right)
{
    var sum = new float[left.Length];
    TensorPrimitives.Add(left, right, sum);
    return sum;
}

static float[] Normalised(float[] vector)
{
    TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    return vector;
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
