using CleanRag.Application.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// The embedded hybrid search engine: Lucene.NET BM25 (English stemming and stop words) plus cosine kNN (exact, or
/// through an HNSW graph for large projects: <see cref="SizeAdaptiveVectorIndex"/>), fused by <see cref="RankFusion"/>. Each project has its own directory
/// <c>{dataDirectory}/indexes/{tenantId}/{projectId}/</c>, and every query is also filtered on the
/// stored tenant and project, so isolation does not rest on paths alone. Safe for concurrent use.
/// <para>
/// A re-embedding builds a staged generation in <c>{projectId}.staged/</c> beside the project's directory; promotion
/// closes both, renames the live directory to <c>{projectId}.replaced/</c>, the staged one to the live name, and deletes
/// the replaced one. A crash between the renames is repaired when the project is next opened (the replaced directory
/// goes back), so the live index is never lost; the staged generation stays and the re-embedding resumes from it.
/// Callers that meet a closed index (swapped meanwhile) reopen it under the gate and retry.
/// </para>
/// <para>
/// Writes are searchable at once but committed to disk in the background, every <c>commitInterval</c>, and at disposal
/// (see <see cref="LuceneProjectIndex"/>): a crash loses the upserts of the last interval, which the start-up check
/// against the documents (<c>SearchIndexRestorer</c>) indexes again.
/// </para>
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, ISearchIndexInventory, IDisposable, IAsyncDisposable
{
    /// <summary>Query terms beyond this are ignored: Lucene refuses boolean queries above 1024 clauses.</summary>
    private const int MaxQueryTerms = 1024;

    private readonly string _indexesRoot;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private const string StagedSuffix = ".staged";
    private const string ReplacedSuffix = ".replaced";

    private readonly Dictionary<ProjectScope, LuceneProjectIndex> _open = [];
    private readonly Dictionary<ProjectScope, LuceneProjectIndex> _staged = [];
    private readonly Lock _openGate = new();
    private bool _disposed;

    /// <summary>The default of <c>commitInterval</c>: at most this much indexing is redone after a crash.</summary>
    public static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromSeconds(1);

    private readonly PeriodicTimer _commitTimer;
    private readonly Task _commitLoop;
    private readonly ILogger _logger;
    private readonly int _approximateVectorThreshold;

    /// <param name="dataDirectory">Where the indexes live (they go to its <c>indexes</c> subfolder).</param>
    /// <param name="commitInterval">How often writes are committed (<see cref="DefaultCommitInterval"/> when null;
    /// <see cref="Timeout.InfiniteTimeSpan"/>: only at disposal and with deletes).</param>
    /// <param name="approximateVectorThreshold">Above this many vectors in a project, its vector queries are answered by an
    /// HNSW graph instead of the exact scan (<see cref="SizeAdaptiveVectorIndex.DefaultApproximateThreshold"/> when null).</param>
    public LuceneSearchIndex(
        string dataDirectory, TimeSpan? commitInterval = null, ILogger<LuceneSearchIndex>? logger = null, int? approximateVectorThreshold = null)
    {
        _approximateVectorThreshold = approximateVectorThreshold ?? SizeAdaptiveVectorIndex.DefaultApproximateThreshold;
        _indexesRoot = Path.Combine(Path.GetFullPath(dataDirectory), "indexes");
        _logger = logger ?? NullLogger<LuceneSearchIndex>.Instance;
        _commitTimer = new PeriodicTimer(commitInterval ?? DefaultCommitInterval);
        _commitLoop = CommitPeriodicallyAsync();
    }

    public Task UpsertAsync(ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (chunks.Count == 0)
            return Task.CompletedTask;
        // A project deleted between lookup and write is reopened (empty) and the batch goes there.
        while (!Project(scope, create: true)!.Upsert(space, chunks))
            cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public Task DeleteDocumentAsync(ProjectScope scope, Guid documentId, VersionSelector versions, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A closed index was deleted (which deleted the document too: no index is found again) or replaced (retried on the new one).
        while (Project(scope, create: false) is { } project && !project.DeleteDocument(documentId, versions))
            cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public Task DeleteProjectAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Under the gate, so no one reopens the directory while it is being deleted.
            var project = OpenLocked(scope, create: false);
            if (project is not null)
            {
                _open.Remove(scope);
                project.Delete();
            }
            DiscardStagedLocked(scope);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(HybridQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.K);
        var terms = string.IsNullOrWhiteSpace(query.Text) ? [] : AnalyseQuery(query.Text);
        while (Project(query.Scope, create: false) is { } project)
        {
            // Null when the index was closed meanwhile: deleted (not found again) or replaced by its re-embedded generation.
            if (project.Search(terms, query.Vector, query.K, query.Fusion ?? FusionOptions.Default, query.DocumentIds) is { } hits)
                return Task.FromResult(hits);
        }
        return Task.FromResult<IReadOnlyList<SearchHit>>([]);
    }

    public Task<EmbeddingSpace?> GetEmbeddingSpaceAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Project(scope, create: false)?.EmbeddingSpace);
    }

    public Task<ChunkPage> ReadChunksAsync(ProjectScope scope, string? afterChunkId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        while (Project(scope, create: false) is { } project)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (project.ReadChunks(afterChunkId, pageSize) is { } page)
                return Task.FromResult(page);
        }
        return Task.FromResult(new ChunkPage([], null, 0));
    }

    public Task<StagedGeneration?> GetStagedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var staged = Staged(scope, create: false);
        // The staged generation is written by the one re-embedding of the project, which is the caller: it stays open.
        return Task.FromResult(staged is null ? null : new StagedGeneration(staged.EmbeddingSpace, staged.ChunkIds()!));
    }

    public Task UpsertStagedAsync(ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (chunks.Count > 0 && !Staged(scope, create: true)!.Upsert(space, chunks))
            throw new InvalidOperationException($"The staged index of project {scope.ProjectId} was discarded while it was written.");
        return Task.CompletedTask;
    }

    public Task DeleteStagedAsync(ProjectScope scope, IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Staged(scope, create: false)?.DeleteChunks(chunkIds);
        return Task.CompletedTask;
    }

    public Task<bool> PromoteStagedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var staged = StagedLocked(scope, create: false)
                         ?? throw new InvalidOperationException($"Project {scope.ProjectId} has no staged index to promote.");
            var live = OpenLocked(scope, create: false)
                       ?? throw new InvalidOperationException($"Project {scope.ProjectId} has no index to replace (it was deleted).");
            var stagedIds = staged.ChunkIds()!;
            // Holds the live index's writers and searches off between the comparison and the close; under the gate, nothing reopens it.
            if (!live.CloseIf(liveIds => liveIds.SetEquals(stagedIds)))
                return Task.FromResult(false);
            staged.Dispose();
            _open.Remove(scope);
            _staged.Remove(scope);
            var path = ProjectPath(scope);
            System.IO.Directory.Move(path, path + ReplacedSuffix);
            System.IO.Directory.Move(path + StagedSuffix, path);
            System.IO.Directory.Delete(path + ReplacedSuffix, recursive: true);
            // Reopened now, so the next search does not pay for it.
            OpenLocked(scope, create: false);
        }
        return Task.FromResult(true);
    }

    public Task DiscardStagedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DiscardStagedLocked(scope);
        }
        return Task.CompletedTask;
    }

    public Task<IndexedDocumentVersions> ListDocumentVersionsAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LuceneProjectIndex? project;
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Not opened for writing just to be listed: a check of every project at start-up must not keep them all open.
            // Read under the gate, so the directory is neither opened for writing nor deleted meanwhile.
            if (!_open.TryGetValue(scope, out project))
            {
                RecoverInterruptedPromotion(ProjectPath(scope));
                return Task.FromResult(ReadDocumentVersions(Path.Combine(ProjectPath(scope), LuceneProjectIndex.LuceneFolder)));
            }
        }
        // Closed meanwhile: deleted (nothing found again) or replaced by its re-embedded generation (listed again).
        return project.DocumentVersions() is { } versions ? Task.FromResult(versions) : ListDocumentVersionsAsync(scope, cancellationToken);
    }

    public void Dispose()
    {
        // The last periodic commit finishes first; closing the projects commits the rest.
        _commitTimer.Dispose();
        _commitLoop.GetAwaiter().GetResult();
        lock (_openGate)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var project in _open.Values.Concat(_staged.Values))
            {
                try
                {
                    project.Dispose();
                }
                catch (Exception exception)
                {
                    // The others are closed all the same; what this one did not commit is indexed again at the next start.
                    LogCloseFailed(exception, project.Path);
                }
            }
            _open.Clear();
            _staged.Clear();
        }
        _analyzer.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The query's terms as the index analysed its text (stemmed, stop words dropped), each weighted
    /// by how often it occurs. Building the query from terms rather than parsing syntax means no user
    /// text can make it fail.
    /// </summary>
    internal IReadOnlyList<WeightedTerm> AnalyseQuery(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var tokens = _analyzer.GetTokenStream(ChunkFields.Content, text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            var value = term.ToString();
            if (counts.TryGetValue(value, out var count))
                counts[value] = count + 1;
            else if (counts.Count < MaxQueryTerms)
                counts[value] = 1;
        }
        tokens.End();
        return counts.Select(pair => new WeightedTerm(pair.Key, pair.Value)).ToList();
    }

    private async Task CommitPeriodicallyAsync()
    {
        while (await _commitTimer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            LuceneProjectIndex[] projects;
            lock (_openGate)
                projects = [.. _open.Values, .. _staged.Values];
            foreach (var project in projects)
            {
                try
                {
                    project.CommitIfChanged();
                }
                catch (Exception exception)
                {
                    // Retried at the next tick (the writes stay pending); a crash meanwhile is repaired by the start-up check.
                    LogCommitFailed(exception, project.Path);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Committing the search index {Path} failed; retrying at the next interval")]
    private partial void LogCommitFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing the search index {Path} failed; what it did not commit is indexed again at the next start")]
    private partial void LogCloseFailed(Exception exception, string path);

    private LuceneProjectIndex? Project(ProjectScope scope, bool create)
    {
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return OpenLocked(scope, create);
        }
    }

    private static IndexedDocumentVersions ReadDocumentVersions(string luceneFolder)
    {
        if (!System.IO.Directory.Exists(luceneFolder))
            return IndexedDocumentVersions.None;
        using var directory = FSDirectory.Open(new DirectoryInfo(luceneFolder));
        if (!DirectoryReader.IndexExists(directory))
            return IndexedDocumentVersions.None; // created, never committed
        using var reader = DirectoryReader.Open(directory);
        return LuceneProjectIndex.DocumentVersions(reader);
    }

    private string ProjectPath(ProjectScope scope) => Path.Combine(_indexesRoot, scope.TenantId.ToString(), scope.ProjectId.ToString());

    private LuceneProjectIndex? Staged(ProjectScope scope, bool create)
    {
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return StagedLocked(scope, create);
        }
    }

    private LuceneProjectIndex? StagedLocked(ProjectScope scope, bool create)
    {
        if (_staged.TryGetValue(scope, out var staged))
            return staged;
        var path = ProjectPath(scope) + StagedSuffix;
        if (!create && !System.IO.Directory.Exists(path))
            return null;
        staged = new LuceneProjectIndex(path, scope, _analyzer, _approximateVectorThreshold, _logger);
        _staged[scope] = staged;
        return staged;
    }

    private void DiscardStagedLocked(ProjectScope scope)
    {
        if (StagedLocked(scope, create: false) is { } staged)
        {
            _staged.Remove(scope);
            staged.Delete();
        }
    }

    /// <summary>
    /// A promotion cut short between its two renames left the live index under the replaced name: it goes back (the
    /// staged generation is still there to be promoted again). Cut short after them, only the replaced copy is left to delete.
    /// </summary>
    private static void RecoverInterruptedPromotion(string path)
    {
        var replaced = path + ReplacedSuffix;
        if (!System.IO.Directory.Exists(replaced))
            return;
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(replaced, recursive: true);
        else
            System.IO.Directory.Move(replaced, path);
    }

    private LuceneProjectIndex? OpenLocked(ProjectScope scope, bool create)
    {
        if (_open.TryGetValue(scope, out var project))
            return project;
        var path = ProjectPath(scope);
        RecoverInterruptedPromotion(path);
        // An unknown project has no hits; looking it up must not create its directory.
        if (!create && !System.IO.Directory.Exists(path))
            return null;
        project = new LuceneProjectIndex(path, scope, _analyzer, _approximateVectorThreshold, _logger);
        _open[scope] = project;
        return project;
    }
}
