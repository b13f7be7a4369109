using System.Net;
using CleanRag.Application.Search;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Microsoft.Extensions.Options;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>
/// <see cref="ISearchIndex"/> on Elasticsearch. Hybrid search runs BM25 and kNN as two requests and
/// fuses them with the shared <see cref="RankFusion"/>: the native rrf retriever needs an Enterprise
/// licence, and fusing here ranks exactly like the other engines. Tenant and project filters go inside
/// each query (and inside knn's own filter), so the engine itself never returns another scope's chunks.
/// </summary>
internal sealed class ElasticsearchSearchIndex(ElasticsearchClient client, IOptions<ElasticsearchOptions> options) : ISearchIndex
{
    private const int BulkBatchSize = 500;
    private const int MinimumCandidates = 100;
    private const int MaximumCandidates = 10_000; // Elasticsearch's limit on num_candidates.

    private static readonly SourceConfig SourceWithoutVector = new SourceFilter { Excludes = new[] { ChunkFields.Embedding } };

    private readonly ElasticsearchOptions _options = options.Value;
    private readonly ChunkIndexLayout _layout = new(options.Value.IndexPrefix);

    public async Task UpsertAsync(
        ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            if (!chunk.Vector.IsEmpty && chunk.Vector.Length != space.Dimensions)
                throw new ArgumentException(
                    $"Chunk {chunk.ChunkId} has a {chunk.Vector.Length}-dim vector; {space.ModelId} has {space.Dimensions}.", nameof(chunks));
        }
        if (chunks.Count == 0)
            return;

        await EnsureIndexAsync(scope.TenantId, space, cancellationToken);
        var alias = _layout.AliasName(scope.TenantId);
        foreach (var batch in chunks.Chunk(BulkBatchSize))
        {
            var request = new BulkRequest(alias)
            {
                // wait_for: the chunks are searchable when the call returns, without forcing an extra refresh.
                Refresh = Refresh.WaitFor,
                Operations = [.. batch.Select(chunk => new BulkIndexOperation<ChunkDocument>(ChunkDocument.From(scope, chunk))
                {
                    Id = ChunkIndexLayout.DocumentId(scope, chunk.ChunkId),
                })],
            };
            var response = await client.BulkAsync(request, cancellationToken);
            ThrowIfAnyItemFailed(response, batch.Length);
            response.EnsureValid();
        }
    }

    public async Task DeleteDocumentAsync(
        ProjectScope scope, Guid documentId, VersionSelector versions, CancellationToken cancellationToken)
    {
        var filters = ScopeFilters(scope);
        filters.Add(Term(ChunkFields.DocumentId, documentId.ToString()));
        if (versions.Only is { } only)
            filters.Add(Term(ChunkFields.DocumentVersion, only));
        var query = new BoolQuery { Filter = filters };
        if (versions.AllExcept is { } kept)
            query.MustNot = [Term(ChunkFields.DocumentVersion, kept)];
        await DeleteByQueryAsync(scope.TenantId, query, cancellationToken);
    }

    public async Task DeleteProjectAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        await DeleteByQueryAsync(scope.TenantId, new BoolQuery { Filter = ScopeFilters(scope) }, cancellationToken);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(HybridQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.K);
        var fusion = query.Fusion ?? FusionOptions.Default;
        var hasText = !string.IsNullOrWhiteSpace(query.Text);
        var hasVector = !query.Vector.IsEmpty;
        // An explicit but empty document list narrows the search to nothing.
        if ((!hasText && !hasVector) || query.DocumentIds is { Count: 0 })
            return [];

        var alias = _layout.AliasName(query.Scope.TenantId);
        var window = fusion.WindowPerSignal;
        var lexical = hasText
            ? RankedAsync(LexicalRequest(alias, query, window), cancellationToken)
            : Task.FromResult<IReadOnlyList<RankedCandidate>>([]);
        var vector = hasVector
            ? NearestAsync(VectorRequest(alias, query, window), cancellationToken)
            : Task.FromResult<IReadOnlyList<RankedCandidate>>([]);
        await Task.WhenAll(lexical, vector);
        return RankFusion.Fuse(await lexical, await vector, fusion, query.K);
    }

    public async Task<EmbeddingSpace?> GetEmbeddingSpaceAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        var mapping = await GetMappingAsync(_layout.AliasName(scope.TenantId), cancellationToken);
        return mapping is null ? null : ChunkIndexLayout.RecordedSpace(mapping.Value.Meta);
    }

    // Re-embedding (issue 17) is not implemented for Elasticsearch: a tenant's projects share one index whose mapping fixes
    // the vector dimension, so a staged generation would be a new tenant index filled project by project and swapped
    // behind the alias for all of them at once. Until then, no background re-embedding runs with this engine (it is
    // registered with the embedded one only): a tenant's index keeps its space, which queries and uploads keep using.

    public Task<ChunkPage> ReadChunksAsync(ProjectScope scope, string? afterChunkId, int pageSize, CancellationToken cancellationToken) =>
        throw ReembeddingNotSupported();

    public Task<StagedGeneration?> GetStagedAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        throw ReembeddingNotSupported();

    public Task UpsertStagedAsync(ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken) =>
        throw ReembeddingNotSupported();

    public Task DeleteStagedAsync(ProjectScope scope, IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken) =>
        throw ReembeddingNotSupported();

    public Task<bool> PromoteStagedAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        throw ReembeddingNotSupported();

    public Task DiscardStagedAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        throw ReembeddingNotSupported();

    private static NotSupportedException ReembeddingNotSupported() => new(
        "Re-embedding a project into another embedding space is not supported with Elasticsearch yet (issue 17): " +
        "keep AI:Embeddings:Provider at the model the tenant's index was built with, or reindex into a new index.");

    /// <summary>
    /// Creates the tenant's index on first use; a concurrent creator winning the race is fine. The
    /// vector dimension is fixed in the mapping, so every project of a tenant shares one embedding space.
    /// </summary>
    private async Task EnsureIndexAsync(Guid tenantId, EmbeddingSpace space, CancellationToken cancellationToken)
    {
        var alias = _layout.AliasName(tenantId);
        var mapping = await GetMappingAsync(alias, cancellationToken);
        if (mapping is null)
        {
            var created = await client.Indices.CreateAsync(_layout.CreateIndexRequest(tenantId, space), cancellationToken);
            if (!created.FailedWith(ElasticsearchException.ResourceAlreadyExists))
            {
                created.EnsureValid();
                return;
            }
            mapping = await GetMappingAsync(alias, cancellationToken)
                ?? throw new InvalidOperationException($"Index {_layout.IndexName(tenantId)} exists but is not reachable through alias {alias}.");
        }

        var recorded = ChunkIndexLayout.RecordedSpace(mapping.Value.Meta)
            ?? throw new InvalidOperationException(
                $"Index {mapping.Value.IndexName} records no embedding space in its mapping _meta; it was not created by CleanRag.");
        if (recorded != space)
            throw new EmbeddingSpaceMismatchException(recorded, space);
        if (!mapping.Value.HasPageBreaks)
            (await client.Indices.PutMappingAsync(ChunkIndexLayout.AddPageBreaks(mapping.Value.IndexName), cancellationToken)).EnsureValid();
    }

    /// <summary>
    /// The concrete index behind <paramref name="alias"/>, its mapping's <c>_meta</c> and whether it has the page-break field;
    /// null when there is no such index.
    /// </summary>
    private async Task<(string IndexName, IDictionary<string, object>? Meta, bool HasPageBreaks)?> GetMappingAsync(
        string alias, CancellationToken cancellationToken)
    {
        var response = await client.Indices.GetMappingAsync(new GetMappingRequest(alias), cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return null;
        // The answer is keyed by the concrete index name, even when asked through an alias.
        var (indexName, index) = response.EnsureValid().Mappings.Single();
        return (indexName, index.Mappings?.Meta, index.Mappings?.Properties?.Any(p => p.Key.Name == ChunkFields.PageBreaks) == true);
    }

    /// <summary>
    /// A bulk request answers 200 even when items failed, and the client then only calls the response invalid:
    /// the per-item results name what failed.
    /// </summary>
    private static void ThrowIfAnyItemFailed(BulkResponse response, int itemCount)
    {
        if (!response.Errors)
            return;
        var failures = response.ItemsWithErrors
            .Select(item => new BulkItemFailure(item.Id, item.Status, item.Error?.Type, item.Error?.Reason))
            .ToList();
        if (failures.Count == 0)
            throw new ElasticsearchException(HttpStatusCode.OK, "bulk_errors", "The bulk response says errors but lists no failed item.");
        throw new ElasticsearchBulkException(itemCount, failures);
    }

    /// <summary>Deletes what <paramref name="query"/> matches in the tenant's index; nothing to do when it has none yet.</summary>
    private async Task DeleteByQueryAsync(Guid tenantId, BoolQuery query, CancellationToken cancellationToken)
    {
        var response = await client.DeleteByQueryAsync(new DeleteByQueryRequest(_layout.AliasName(tenantId))
        {
            Query = query,
            Refresh = true,
            // A chunk re-indexed while we delete is not a failure of the delete.
            Conflicts = Conflicts.Proceed,
        }, cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return;
        if (response.EnsureValid().Failures is { Count: > 0 } failures)
        {
            var first = failures.First();
            throw new ElasticsearchException(HttpStatusCode.OK, "delete_by_query_failure",
                $"{failures.Count} failure(s) after deleting {response.Deleted}; first: {first.Id} ({first.Status}) {first.Cause.Type}: {first.Cause.Reason}");
        }
    }

    private SearchRequest LexicalRequest(string alias, HybridQuery query, int window) => new(alias)
    {
        Size = window,
        Source = SourceWithoutVector,
        Query = new BoolQuery
        {
            Filter = QueryFilters(query),
            Should =
            [
                new MatchQuery(ChunkFields.Text, query.Text!),
                // Typo tolerance as in the embedded engine: close words of the index (one edit up to five letters, two
                // beyond), the first letter kept, a few per term and down-weighted, so an exact match still ranks first.
                new MatchQuery(ChunkFields.Text, query.Text!) { Fuzziness = new Fuzziness("AUTO"), PrefixLength = 1, MaxExpansions = 3, Boost = 0.5f },
                new MatchQuery(ChunkFields.Title, query.Text!) { Boost = (float)_options.TitleBoost },
            ],
            MinimumShouldMatch = 1,
        },
    };

    private SearchRequest VectorRequest(string alias, HybridQuery query, int window)
    {
        var candidates = (int)Math.Min(MaximumCandidates, Math.Max(MinimumCandidates, Math.Ceiling(window * _options.NumCandidatesFactor)));
        return new SearchRequest(alias)
        {
            Size = window,
            Source = SourceWithoutVector,
            Knn =
            [
                new KnnSearch
                {
                    Field = ChunkFields.Embedding,
                    QueryVector = query.Vector.ToArray(),
                    K = window,
                    NumCandidates = candidates,
                    // Inside knn, so filtering happens during the graph search: k hits of this scope, not k hits filtered afterwards.
                    Filter = [new BoolQuery { Filter = QueryFilters(query) }],
                },
            ],
        };
    }

    private async Task<IReadOnlyList<RankedCandidate>> RankedAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var response = await client.SearchAsync<ChunkDocument>(request, cancellationToken);
        // A tenant that has indexed nothing yet has no index: nothing found.
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return [];
        return [.. response.EnsureValid().Hits.Select(hit => new RankedCandidate(hit.Source!.ToChunk(), hit.Score ?? 0))];
    }

    /// <summary>
    /// kNN hits scored as the index contract says, by cosine similarity: Elasticsearch scores a cosine field (1 + cos) / 2.
    /// Fusion is unaffected (min-max and ranks), but an absolute floor on the similarity means the same in both engines.
    /// </summary>
    private async Task<IReadOnlyList<RankedCandidate>> NearestAsync(SearchRequest request, CancellationToken cancellationToken) =>
        [.. (await RankedAsync(request, cancellationToken)).Select(c => c with { Score = 2 * c.Score - 1 })];

    private static List<Query> QueryFilters(HybridQuery query)
    {
        var filters = ScopeFilters(query.Scope);
        if (query.DocumentIds is { Count: > 0 } documentIds)
            filters.Add(new TermsQuery(ChunkFields.DocumentId, new TermsQueryField([.. documentIds.Select(id => FieldValue.String(id.ToString()))])));
        return filters;
    }

    private static List<Query> ScopeFilters(ProjectScope scope) =>
        [Term(ChunkFields.TenantId, scope.TenantId.ToString()), Term(ChunkFields.ProjectId, scope.ProjectId.ToString())];

    private static Query Term(string field, FieldValue value) => new TermQuery(field, value);
}
