using CleanRag.Application.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// The embedded hybrid search engine: Lucene.NET BM25 (English stemming and stop words) plus exact
/// cosine kNN, fused by <see cref="RankFusion"/>. Each project has its own directory
/// <c>{dataDirectory}/indexes/{tenantId}/{projectId}/</c>, and every query is also filtered on the
/// stored tenant and project, so isolation does not rest on paths alone. Safe for concurrent use.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, ISearchIndexInventory, IDisposable, IAsyncDisposable
{
    /// <summary>Query terms beyond this are ignored: Lucene refuses boolean queries above 1024 clauses.</summary>
    private const int MaxQueryTerms = 1024;

    private readonly string _indexesRoot;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly Dictionary<ProjectScope, LuceneProjectIndex> _open = [];
    private readonly Lock _openGate = new();
    private bool _disposed;

    /// <param name="dataDirectory">Where the indexes live (they go to its <c>indexes</c> subfolder).</param>
    public LuceneSearchIndex(string dataDirectory)
    {
        _indexesRoot = Path.Combine(Path.GetFullPath(dataDirectory), "indexes");
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
        // A closed index means the project was deleted, which deleted the document too.
        Project(scope, create: false)?.DeleteDocument(documentId, versions);
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
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(HybridQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.K);
        var terms = string.IsNullOrWhiteSpace(query.Text) ? [] : AnalyseQuery(query.Text);
        var hits = Project(query.Scope, create: false)
            ?.Search(terms, query.Vector, query.K, query.Fusion ?? FusionOptions.Default, query.DocumentIds);
        return Task.FromResult(hits ?? []);
    }

    public Task<EmbeddingSpace?> GetEmbeddingSpaceAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Project(scope, create: false)?.EmbeddingSpace);
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
                return Task.FromResult(ReadDocumentVersions(Path.Combine(ProjectPath(scope), LuceneProjectIndex.LuceneFolder)));
        }
        return Task.FromResult(project.DocumentVersions() ?? IndexedDocumentVersions.None);
    }

    public void Dispose()
    {
        lock (_openGate)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var project in _open.Values)
                project.Dispose();
            _open.Clear();
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

    private LuceneProjectIndex? OpenLocked(ProjectScope scope, bool create)
    {
        if (_open.TryGetValue(scope, out var project))
            return project;
        var path = ProjectPath(scope);
        // An unknown project has no hits; looking it up must not create its directory.
        if (!create && !System.IO.Directory.Exists(path))
            return null;
        project = new LuceneProjectIndex(path, scope, _analyzer);
        _open[scope] = project;
        return project;
    }
}
