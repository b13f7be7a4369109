using System.Diagnostics;
using CleanRag.Application.Search;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// A project's vectors, searched exactly while the project is small and through an HNSW graph once it holds more than
/// <c>approximateThreshold</c> vectors (the exact scan passes 20 ms p95 above ~100,000: docs/benchmarks.md).
/// <para>
/// The <see cref="ExactVectorIndex"/> is the source of truth and is always kept. Crossing the threshold starts a build
/// of the <see cref="HnswVectorIndex"/> on one background thread (the graph takes about a second per 1,000 vectors to
/// build); exact search answers until the graph is complete and in step. The build starts from the graph saved at the
/// last close, when there is one, and repairs it against the exact index: every vector it lacks or holds differently is
/// added, every vector the exact index no longer holds is removed, so an unchanged graph costs no insertion and a
/// missing, corrupt or stale one is rebuilt. Writes made during the build are queued for it; once the graph
/// answers, writes update it in place (remove + add). The graph is saved when its build completes and at close.
/// </para>
/// <para>
/// A scoped search (an <c>accept</c> filter) over-fetches from the graph and falls back to the exact scan when too
/// few hits pass, which is when the scope is small and the scan is cheap (it scores only accepted vectors).
/// </para>
/// <para>
/// Threads: the owner serialises writers against searches (<see cref="IVectorIndex"/>). The builder reads the exact
/// index and hands the graph over under <see cref="_gate"/>, which writers hold too; searches go without it, as the
/// builder only reads the exact index and publishes the graph with one reference write.
/// </para>
/// </summary>
internal sealed class SizeAdaptiveVectorIndex : IVectorIndex
{
    /// <summary>The default of <c>approximateThreshold</c>, from the measurements in docs/benchmarks.md.</summary>
    public const int DefaultApproximateThreshold = 100_000;

    /// <summary>Vectors the builder takes at a time: a fraction of a second of insertion, so writers wait little.</summary>
    private const int BuildBatch = 256;

    private readonly string _directory;
    private readonly int _approximateThreshold;
    private readonly ILogger _logger;
    private readonly ExactVectorIndex _exact;
    private readonly Lock _gate = new();
    // Taken around loading, saving and deleting the graph's files, which a stopped build may still be doing.
    private readonly Lock _files = new();
    private volatile HnswVectorIndex? _graph;
    private bool _graphChanged;
    private GraphBuild? _build;

    public SizeAdaptiveVectorIndex(string directory, int approximateThreshold, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(approximateThreshold);
        _directory = directory;
        _approximateThreshold = approximateThreshold;
        _logger = logger;
        _exact = new ExactVectorIndex(directory);
        if (_exact.Count > approximateThreshold)
            StartBuild();
        else
            HnswVectorIndex.DeleteFiles(directory); // the graph of a project that has shrunk since
    }

    public EmbeddingSpace? Space => _exact.Space;

    public int Count => _exact.Count;

    /// <summary>Whether vector queries are answered by the graph (the project is above the threshold and its graph complete).</summary>
    public bool AnswersFromGraph => _graph is not null && _exact.Count > _approximateThreshold;

    /// <summary>The graph's build under way, or a completed task when none is.</summary>
    public Task GraphBuildTask
    {
        get
        {
            lock (_gate)
                return _build?.Task ?? Task.CompletedTask;
        }
    }

    /// <summary>How many vectors the last completed build added to or removed from the graph it started from.</summary>
    public int GraphRepairs { get; private set; }

    public void Upsert(EmbeddingSpace space, IReadOnlyList<VectorEntry> entries)
    {
        lock (_gate)
        {
            _exact.Upsert(space, entries);
            if (_build is { } build)
                build.Pending.UnionWith(entries.Select(entry => entry.ChunkId));
            else if (_graph is { } graph)
            {
                // The graph gets the exact index's (normalised) copy, so that a later repair finds it held as it is there.
                graph.Upsert(space, entries.Select(entry => StoredEntry(entry.ChunkId)!.Value).ToList());
                _graphChanged = true;
            }
            else if (_exact.Count > _approximateThreshold)
                StartBuild();
        }
    }

    public void Delete(IEnumerable<string> chunkIds)
    {
        var deleted = chunkIds.ToList();
        if (deleted.Count == 0)
            return;
        lock (_gate)
        {
            _exact.Delete(deleted);
            if (_exact.Count == 0)
                DiscardGraph(); // the exact index has forgotten its space; another model may come next
            else if (_build is { } build)
                build.Pending.UnionWith(deleted);
            else if (_graph is { } graph)
            {
                graph.Delete(deleted);
                _graphChanged = true;
            }
        }
    }

    /// <summary>Makes the exact index durable; the graph is derived from it and saved only when built and at close.</summary>
    public void Sync()
    {
        lock (_gate)
            _exact.Sync();
    }

    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int topK, Func<Guid, bool>? accept)
    {
        var graph = _graph;
        if (graph is null || _exact.Count <= _approximateThreshold)
            return _exact.Search(query, topK, accept);
        var matches = graph.Search(query, topK, accept);
        return accept is not null && matches.Count < topK ? _exact.Search(query, topK, accept) : matches;
    }

    /// <summary>Stops a build under way (which saves its progress, resumed at the next open) and saves a changed graph.</summary>
    public void Dispose() => Close(keepGraph: true);

    /// <summary>
    /// Closes without saving the graph or a build's progress, for a project whose files are about to be deleted (saving a
    /// graph of a million vectors writes gigabytes).
    /// </summary>
    public void Abandon() => Close(keepGraph: false);

    private void Close(bool keepGraph)
    {
        Task stopped;
        lock (_gate)
        {
            stopped = _build?.Task ?? Task.CompletedTask;
            if (_build is not null)
                _build.Stop = keepGraph ? BuildStop.Close : BuildStop.Discard;
            _build = null;
        }
        stopped.Wait();
        lock (_gate)
        {
            if (_graph is { } graph)
            {
                if (_graphChanged && keepGraph)
                    Save(graph);
                graph.Dispose();
                _graph = null;
            }
            _exact.Dispose();
        }
    }

    private void StartBuild()
    {
        var build = new GraphBuild(new HashSet<string>(_exact.ChunkIds(), StringComparer.Ordinal));
        _build = build;
        _logger.LogInformation("Loading or building the vector graph of {Directory} ({Count} vectors) in the background", _directory, _exact.Count);
        build.Task = Task.Factory.StartNew(() => Build(build), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void DiscardGraph()
    {
        if (_build is not null)
            _build.Stop = BuildStop.Discard;
        _build = null;
        _graph?.Dispose();
        _graph = null;
        lock (_files)
            HnswVectorIndex.DeleteFiles(_directory);
    }

    private void Build(GraphBuild build)
    {
        var started = Stopwatch.GetTimestamp();
        HnswVectorIndex? graph = null;
        try
        {
            EmbeddingSpace space;
            lock (_gate)
            {
                if (build.Stop != BuildStop.None)
                    return;
                space = _exact.Space!;
            }
            lock (_files)
                graph = HnswVectorIndex.Load(_directory, space) ?? new HnswVectorIndex(_directory, space);
            lock (_gate)
                build.Pending.UnionWith(graph.ChunkIds); // those the exact index no longer holds are to go

            var repairs = 0;
            var batch = new List<(string ChunkId, VectorEntry? Stored)>(BuildBatch);
            while (true)
            {
                batch.Clear();
                lock (_gate)
                {
                    if (build.Stop != BuildStop.None)
                        break;
                    if (build.Pending.Count == 0)
                    {
                        // Complete and in step: no write can come between this check and the hand-over.
                        if (repairs > 0)
                            Save(graph);
                        _graph = graph;
                        _graphChanged = false;
                        _build = null;
                        GraphRepairs = repairs;
                        _logger.LogInformation("The vector graph of {Directory} answers: {Count} vectors, {Repairs} added or removed in {Seconds:F1} s",
                            _directory, graph.Count, repairs, Stopwatch.GetElapsedTime(started).TotalSeconds);
                        return;
                    }
                    foreach (var chunkId in build.Pending.Take(BuildBatch).ToList())
                    {
                        build.Pending.Remove(chunkId);
                        batch.Add((chunkId, StoredEntry(chunkId)));
                    }
                }
                repairs += Repair(graph, space, batch);
            }

            // Stopped: at close the progress is kept for the next open; a discarded graph goes.
            if (build.Stop == BuildStop.Close && repairs > 0)
                Save(graph);
            else if (build.Stop == BuildStop.Discard)
                lock (_files)
                    HnswVectorIndex.DeleteFiles(_directory);
            graph.Dispose();
        }
        catch (Exception exception)
        {
            // Exact search goes on answering; the build is tried again at the next open.
            _logger.LogError(exception, "Building the vector graph of {Directory} failed", _directory);
            graph?.Dispose();
            lock (_gate)
            {
                if (_build == build)
                    _build = null;
            }
        }
    }

    /// <summary>Brings the batch's vectors in the graph in step with the exact index; returns how many changed.</summary>
    private static int Repair(HnswVectorIndex graph, EmbeddingSpace space, List<(string ChunkId, VectorEntry? Stored)> batch)
    {
        var gone = batch.Where(item => item.Stored is null && graph.Contains(item.ChunkId)).Select(item => item.ChunkId).ToList();
        var differing = batch
            .Where(item => item.Stored is { } stored && !graph.Holds(stored.ChunkId, stored.DocumentId, stored.Vector.Span))
            .Select(item => item.Stored!.Value)
            .ToList();
        graph.Delete(gone);
        graph.Upsert(space, differing);
        return gone.Count + differing.Count;
    }

    /// <summary>A copy of the exact index's vector of the chunk, or null when it holds none (call under <see cref="_gate"/>).</summary>
    private VectorEntry? StoredEntry(string chunkId)
    {
        var vector = new float[_exact.Space?.Dimensions ?? 0];
        return _exact.TryRead(chunkId, out var documentId, vector) ? new VectorEntry(chunkId, documentId, vector) : null;
    }

    private void Save(HnswVectorIndex graph)
    {
        lock (_files)
            graph.Sync();
    }

    private enum BuildStop
    {
        None,
        Close,
        Discard,
    }

    private sealed class GraphBuild(HashSet<string> pending)
    {
        /// <summary>Chunks whose vectors the graph may not hold as the exact index does (guarded by <see cref="_gate"/>).</summary>
        public HashSet<string> Pending { get; } = pending;

        public volatile BuildStop Stop;

        public Task Task { get; set; } = Task.CompletedTask;
    }
}
