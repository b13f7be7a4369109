using System.Text.Json.Nodes;
using CleanRag.Application.Search;
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

    private static readonly JsonObject SourceWithoutVector = new() { ["excludes"] = new JsonArray(ChunkFields.Embedding) };

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
            var items = batch
                .Select(chunk => new BulkIndexItem(ChunkIndexLayout.DocumentId(scope, chunk.ChunkId), ChunkDocument.From(scope, chunk).ToJson()))
                .ToList();
            await client.BulkIndexAsync(alias, items, cancellationToken);
        }
    }

    public async Task DeleteDocumentAsync(
        ProjectScope scope, Guid documentId, VersionSelector versions, CancellationToken cancellationToken)
    {
        var filters = ScopeFilters(scope);
        filters.Add(Term(ChunkFields.DocumentId, documentId.ToString()));
        if (versions.Only is { } only)
            filters.Add(Term(ChunkFields.DocumentVersion, only));
        var query = new JsonObject { ["filter"] = filters };
        if (versions.AllExcept is { } kept)
            query["must_not"] = new JsonArray(Term(ChunkFields.DocumentVersion, kept));
        await client.DeleteByQueryAsync(_layout.AliasName(scope.TenantId), new JsonObject { ["bool"] = query }, cancellationToken);
    }

    public async Task DeleteProjectAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        await client.DeleteByQueryAsync(
            _layout.AliasName(scope.TenantId),
            new JsonObject { ["bool"] = new JsonObject { ["filter"] = ScopeFilters(scope) } },
            cancellationToken);

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
            ? RankedAsync(alias, LexicalRequest(query, window), cancellationToken)
            : Task.FromResult<IReadOnlyList<RankedCandidate>>([]);
        var vector = hasVector
            ? NearestAsync(alias, VectorRequest(query, window), cancellationToken)
            : Task.FromResult<IReadOnlyList<RankedCandidate>>([]);
        await Task.WhenAll(lexical, vector);
        return RankFusion.Fuse(await lexical, await vector, fusion, query.K);
    }

    public async Task<EmbeddingSpace?> GetEmbeddingSpaceAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        var mapping = await client.GetMappingAsync(_layout.AliasName(scope.TenantId), cancellationToken);
        return mapping is null ? null : ChunkIndexLayout.RecordedSpace(mapping.Meta);
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
        var mapping = await client.GetMappingAsync(alias, cancellationToken);
        if (mapping is null)
        {
            if (await client.CreateIndexAsync(_layout.IndexName(tenantId), _layout.CreateIndexBody(tenantId, space), cancellationToken))
                return;
            mapping = await client.GetMappingAsync(alias, cancellationToken)
                ?? throw new InvalidOperationException($"Index {_layout.IndexName(tenantId)} exists but is not reachable through alias {alias}.");
        }

        var recorded = ChunkIndexLayout.RecordedSpace(mapping.Meta)
            ?? throw new InvalidOperationException(
                $"Index {mapping.IndexName} records no embedding space in its mapping _meta; it was not created by CleanRag.");
        if (recorded != space)
            throw new EmbeddingSpaceMismatchException(recorded, space);
    }

    private JsonObject LexicalRequest(HybridQuery query, int window) => new()
    {
        ["size"] = window,
        ["_source"] = SourceWithoutVector.DeepClone(),
        ["query"] = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["filter"] = QueryFilters(query),
                ["should"] = new JsonArray(
                    new JsonObject { ["match"] = new JsonObject { [ChunkFields.Text] = new JsonObject { ["query"] = query.Text } } },
                    // Typo tolerance as in the embedded engine: close words of the index (one edit up to five letters, two
                    // beyond), the first letter kept, a few per term and down-weighted, so an exact match still ranks first.
                    new JsonObject
                    {
                        ["match"] = new JsonObject
                        {
                            [ChunkFields.Text] = new JsonObject
                            {
                                ["query"] = query.Text, ["fuzziness"] = "AUTO", ["prefix_length"] = 1, ["max_expansions"] = 3, ["boost"] = 0.5,
                            },
                        },
                    },
                    new JsonObject
                    {
                        ["match"] = new JsonObject
                        {
                            [ChunkFields.Title] = new JsonObject { ["query"] = query.Text, ["boost"] = _options.TitleBoost },
                        },
                    }),
                ["minimum_should_match"] = 1,
            },
        },
    };

    private JsonObject VectorRequest(HybridQuery query, int window)
    {
        var candidates = (int)Math.Min(MaximumCandidates, Math.Max(MinimumCandidates, Math.Ceiling(window * _options.NumCandidatesFactor)));
        var queryVector = new JsonArray();
        foreach (var component in query.Vector.Span)
            queryVector.Add(component);
        return new JsonObject
        {
            ["size"] = window,
            ["_source"] = SourceWithoutVector.DeepClone(),
            ["knn"] = new JsonObject
            {
                ["field"] = ChunkFields.Embedding,
                ["query_vector"] = queryVector,
                ["k"] = window,
                ["num_candidates"] = candidates,
                // Inside knn, so filtering happens during the graph search: k hits of this scope, not k hits filtered afterwards.
                ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = QueryFilters(query) } },
            },
        };
    }

    private async Task<IReadOnlyList<RankedCandidate>> RankedAsync(string alias, JsonObject request, CancellationToken cancellationToken)
    {
        var hits = await client.SearchAsync<ChunkDocument>(alias, request, cancellationToken);
        return hits.Select(hit => new RankedCandidate(hit.Source.ToChunk(), hit.Score ?? 0)).ToList();
    }

    /// <summary>
    /// kNN hits scored as the index contract says, by cosine similarity: Elasticsearch scores a cosine field (1 + cos) / 2.
    /// Fusion is unaffected (min-max and ranks), but an absolute floor on the similarity means the same in both engines.
    /// </summary>
    private async Task<IReadOnlyList<RankedCandidate>> NearestAsync(string alias, JsonObject request, CancellationToken cancellationToken) =>
        [.. (await RankedAsync(alias, request, cancellationToken)).Select(c => c with { Score = 2 * c.Score - 1 })];

    private static JsonArray QueryFilters(HybridQuery query)
    {
        var filters = ScopeFilters(query.Scope);
        if (query.DocumentIds is { Count: > 0 } documentIds)
        {
            var ids = new JsonArray();
            foreach (var id in documentIds)
                ids.Add(id.ToString());
            filters.Add(new JsonObject { ["terms"] = new JsonObject { [ChunkFields.DocumentId] = ids } });
        }
        return filters;
    }

    private static JsonArray ScopeFilters(ProjectScope scope) => new(
        Term(ChunkFields.TenantId, scope.TenantId.ToString()),
        Term(ChunkFields.ProjectId, scope.ProjectId.ToString()));

    private static JsonObject Term(string field, JsonNode value) => new() { ["term"] = new JsonObject { [field] = value } };
}
