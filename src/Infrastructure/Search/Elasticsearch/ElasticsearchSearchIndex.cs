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
/// Every project is reached through its own aliases (<see cref="ChunkIndexLayout"/>), one for reads and one for writes,
/// which is what lets one project move to another embedding space while the tenant's other projects stay, and its writes be
/// held while it moves.
/// </summary>
internal sealed class ElasticsearchSearchIndex(ElasticsearchClient client, IOptions<ElasticsearchOptions> options) : ISearchIndex
{
    private const int BulkBatchSize = 500;
    private const int MinimumCandidates = 100;
    private const int MaximumCandidates = 10_000; // Elasticsearch's limit on num_candidates.
    /// <summary>Chunk ids read per request, and per delete request: Elasticsearch's default limit of a page (max_result_window).</summary>
    private const int IdPageSize = 10_000;

    private static readonly SourceConfig SourceWithoutVector = new SourceFilter { Excludes = new[] { ChunkFields.Embedding } };

    private readonly ElasticsearchOptions _options = options.Value;
    private readonly ChunkIndexLayout _layout = new(options.Value.IndexPrefix);

    public async Task UpsertAsync(
        ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        ThrowIfNotOf(space, chunks);
        if (chunks.Count == 0)
            return;

        var (live, legacy) = await WritableIndexAsync(scope, liftFence: false, cancellationToken);
        live ??= await AdoptAsync(scope, space, legacy, index => [Add(index, _layout.ProjectAlias(scope), scope), AddWrite(index, scope)],
            cancellationToken);
        await EnsureWritableAsync(live, space, cancellationToken);

        var writeAlias = _layout.WriteAlias(scope);
        HashSet<string> landed;
        try
        {
            landed = await BulkIndexAsync(writeAlias, scope, chunks, cancellationToken);
        }
        catch (ElasticsearchBulkException missing) when (missing.ErrorType == ElasticsearchException.IndexNotFound)
        {
            // The write alias went between the lookup and the bulk (require_alias, so nothing was written): a promotion fenced the writes.
            throw new ElasticsearchWritesFencedException(scope.ProjectId, missing);
        }
        // A promotion moved the aliases between the space check and the write: the chunks went into the new space's index with
        // vectors of the old one (possible when both have the same dimension). Refused like any write in another space; the
        // redelivery embeds them in the new space and replaces them (same _id).
        if (landed.Any(index => index != live.Name) && (await GetIndexAsync(writeAlias, cancellationToken))?.Space is { } moved && moved != space)
            throw new EmbeddingSpaceMismatchException(moved, space);
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
        await DeleteLiveAsync(scope, query, cancellationToken);
    }

    public async Task DeleteProjectAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        await DeleteLiveAsync(scope, new BoolQuery { Filter = ScopeFilters(scope) }, cancellationToken);
        await DiscardStagedAsync(scope, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(HybridQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.K);
        // An explicit but empty document list narrows the search to nothing.
        if ((string.IsNullOrWhiteSpace(query.Text) && query.Vector.IsEmpty) || query.DocumentIds is { Count: 0 })
            return [];
        // No alias: a project with nothing indexed, or one of a layout-1 index not looked up yet (it gets its alias).
        return await FusedAsync(query, cancellationToken)
               ?? (await LiveIndexAsync(query.Scope, cancellationToken) is null ? null : await FusedAsync(query, cancellationToken))
               ?? [];
    }

    public async Task<EmbeddingSpace?> GetEmbeddingSpaceAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        (await LiveIndexAsync(scope, cancellationToken))?.Space;

    // Re-embedding (issue 17): the staged generation is the project's chunks in the tenant's index of the target space,
    // reached through the project's staged alias; no query searches it. Promotion holds every instance's writes to the
    // project (its write alias removed: the fence), compares the chunk ids, and moves the project's aliases there.

    public async Task<ChunkPage> ReadChunksAsync(ProjectScope scope, string? afterChunkId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var alias = _layout.ProjectAlias(scope);
        var request = new SearchRequest(alias)
        {
            Size = pageSize,
            Source = SourceWithoutVector,
            Query = new BoolQuery { Filter = ScopeFilters(scope) },
            Sort = [ByChunkId],
            SearchAfter = afterChunkId is null ? null : [afterChunkId],
            // Exact beyond 10,000: the progress of a re-embedding counts every chunk.
            TrackTotalHits = true,
        };
        var response = await client.SearchAsync<ChunkDocument>(request, cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
        {
            if (await LiveIndexAsync(scope, cancellationToken) is null)
                return new ChunkPage([], null, 0);
            response = await client.SearchAsync<ChunkDocument>(request, cancellationToken);
        }
        var chunks = response.EnsureValid().Hits.Select(hit => hit.Source!.ToChunk()).ToList();
        return new ChunkPage(chunks, chunks.Count == pageSize ? chunks[^1].ChunkId : null, (int)response.Total);
    }

    public async Task<StagedGeneration?> GetStagedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        var alias = _layout.StagedAlias(scope);
        return await GetIndexAsync(alias, cancellationToken) is { } staged
            ? new StagedGeneration(staged.Space, await ChunkIdsAsync(alias, scope, cancellationToken))
            : null;
    }

    public async Task UpsertStagedAsync(ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        ThrowIfNotOf(space, chunks);
        if (chunks.Count == 0)
            return;
        var alias = _layout.StagedAlias(scope);
        var staged = await GetIndexAsync(alias, cancellationToken)
                     ?? await AdoptAsync(scope, space, await GetIndexAsync(_layout.TenantAlias(scope.TenantId), cancellationToken),
                         index => [Add(index, alias, scope)], cancellationToken);
        await EnsureWritableAsync(staged, space, cancellationToken);
        await BulkIndexAsync(alias, scope, chunks, cancellationToken);
    }

    public async Task DeleteStagedAsync(ProjectScope scope, IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        foreach (var batch in chunkIds.Chunk(IdPageSize))
        {
            var filters = ScopeFilters(scope);
            filters.Add(new TermsQuery(ChunkFields.ChunkId, new TermsQueryField([.. batch.Select(id => FieldValue.String(id))])));
            if (!await DeleteByQueryAsync(_layout.StagedAlias(scope), new BoolQuery { Filter = filters }, cancellationToken))
                return;
        }
    }

    public async Task<bool> PromoteStagedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        var (alias, stagedAlias) = (_layout.ProjectAlias(scope), _layout.StagedAlias(scope));
        var staged = await GetIndexAsync(stagedAlias, cancellationToken)
                     ?? throw new InvalidOperationException($"Project {scope.ProjectId} has no staged index to promote.");
        var live = await LiveIndexAsync(scope, cancellationToken)
                   ?? throw new InvalidOperationException($"Project {scope.ProjectId} has no index to replace (it was deleted).");
        if (staged.Name == live.Name)
        {
            // Another instance promoted this project first, and this one staged into what is now the live index.
            await UpdateAliasesAsync([Remove(staged.Name, stagedAlias)], cancellationToken);
            return true;
        }
        await FenceWritesAsync(scope, live.Name, cancellationToken);
        bool promoted;
        try
        {
            promoted = await SwapIfSameChunksAsync(scope, live.Name, staged.Name, cancellationToken);
        }
        catch
        {
            // Whatever cut the promotion short, the project gets its write path back. Should that fail too, the start-up
            // recovery (RecoverAsync) puts it back; until then writes fail and are retried, none is lost.
            try
            {
                await LiftFenceAsync(scope, live.Name, CancellationToken.None);
            }
            catch (ElasticsearchException)
            {
            }
            throw;
        }
        if (!promoted)
        {
            await LiftFenceAsync(scope, live.Name, cancellationToken);
            return false;
        }
        await RetireAsync(scope, live.Name, cancellationToken);
        return true;
    }

    public async Task RecoverAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        await WritableIndexAsync(scope, liftFence: true, cancellationToken);

    /// <summary>
    /// Holds every instance's writes to the project: its write alias leaves the live index, and the fence alias says why.
    /// When the write alias is not there (a fence already up: another instance's promotion, or one cut short; or an index of
    /// a layout before write aliases), the fence alias alone: either way, writes fail from now on until the swap or the lift.
    /// </summary>
    private async Task FenceWritesAsync(ProjectScope scope, string live, CancellationToken cancellationToken)
    {
        var fence = Add(live, _layout.FenceAlias(scope), scope);
        var response = await client.Indices.UpdateAliasesAsync(
            new UpdateAliasesRequest { Actions = [Remove(live, _layout.WriteAlias(scope)), fence] }, cancellationToken);
        if (response.FailedWith(ElasticsearchException.AliasesNotFound))
            await UpdateAliasesAsync([fence], cancellationToken);
        else
            response.EnsureValid();
    }

    /// <summary>Under the fence: compares the staged and live chunk ids and, if equal, moves the project's aliases to the staged index.</summary>
    private async Task<bool> SwapIfSameChunksAsync(ProjectScope scope, string live, string staged, CancellationToken cancellationToken)
    {
        var (alias, stagedAlias) = (_layout.ProjectAlias(scope), _layout.StagedAlias(scope));
        // No instance writes to the live index from the fence until the aliases move or the fence is lifted: what is read
        // here is what the staged index must hold.
        var stagedIds = await ChunkIdsAsync(stagedAlias, scope, cancellationToken);
        if (!(await ChunkIdsAsync(alias, scope, cancellationToken)).SetEquals(stagedIds))
            return false;

        // One request, applied atomically: searches go to the old index until it, to the new one after it, and writes, held
        // until it, go to the new one. Removing an alias that is not there fails the whole request, so two instances promoting
        // the same project cannot both win; and an alias has one write index at most, so a fence broken meanwhile (the write
        // alias back on the old index: lifted by the start-up recovery of another instance) fails it too.
        await UpdateAliasesAsync(
        [
            Remove(live, alias), Add(staged, alias, scope), AddWrite(staged, scope), Remove(live, _layout.FenceAlias(scope)),
            Remove(staged, stagedAlias),
        ], cancellationToken);
        return true;
    }

    /// <summary>
    /// The project's write alias back on its live index in place of the fence; nothing to do when the fence has already gone
    /// (lifted, or swapped away, by another instance).
    /// </summary>
    private async Task LiftFenceAsync(ProjectScope scope, string live, CancellationToken cancellationToken)
    {
        var response = await client.Indices.UpdateAliasesAsync(
            new UpdateAliasesRequest { Actions = [Remove(live, _layout.FenceAlias(scope)), AddWrite(live, scope)] }, cancellationToken);
        if (!response.FailedWith(ElasticsearchException.AliasesNotFound))
            response.EnsureValid();
    }

    public async Task DiscardStagedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        var stagedAlias = _layout.StagedAlias(scope);
        if (await GetIndexAsync(stagedAlias, cancellationToken) is not { } staged)
            return;
        var live = await GetIndexAsync(_layout.ProjectAlias(scope), cancellationToken);
        // The chunks first: a crash before the alias goes leaves an empty staged generation, which the next re-embedding
        // reuses; the other order would leave chunks behind no alias.
        if (staged.Name != live?.Name)
            await DeleteByQueryAsync(staged.Name, new BoolQuery { Filter = ScopeFilters(scope) }, cancellationToken);
        await UpdateAliasesAsync([Remove(staged.Name, stagedAlias)], cancellationToken);
        if (staged.Name != live?.Name)
            await DeleteIfUnusedAsync(staged.Name, scope.TenantId, cancellationToken);
    }

    /// <summary>The index behind the project's alias; a project of a layout-1 index gets its aliases there. Null: nothing indexed.</summary>
    private async Task<IndexState?> LiveIndexAsync(ProjectScope scope, CancellationToken cancellationToken) =>
        (await FindLiveIndexAsync(scope, cancellationToken)).Live;

    /// <summary>As <see cref="LiveIndexAsync"/>, with the layout-1 tenant index when it had to be looked up.</summary>
    private async Task<(IndexState? Live, IndexState? Legacy)> FindLiveIndexAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        if (await GetIndexAsync(_layout.ProjectAlias(scope), cancellationToken) is { } live)
            return (live, null);
        var legacy = await GetIndexAsync(_layout.TenantAlias(scope.TenantId), cancellationToken);
        return (await AdoptLegacyAsync(scope, legacy, cancellationToken), legacy);
    }

    /// <summary>
    /// The index the project's writes go to, through its write alias: the live index. A project whose alias was put before
    /// write aliases existed gets its write alias there. One whose promotion holds its writes (the fence alias instead) throws
    /// <see cref="ElasticsearchWritesFencedException"/>, unless <paramref name="liftFence"/> (recovery at start-up: a fence
    /// found then may be one a crash left up). Writable is null when the project has no index yet; Legacy is the layout-1
    /// tenant index when it had to be looked up.
    /// </summary>
    private async Task<(IndexState? Writable, IndexState? Legacy)> WritableIndexAsync(
        ProjectScope scope, bool liftFence, CancellationToken cancellationToken)
    {
        var writeAlias = _layout.WriteAlias(scope);
        if (await GetIndexAsync(writeAlias, cancellationToken) is { } writable)
            return (writable, null);
        var (live, legacy) = await FindLiveIndexAsync(scope, cancellationToken);
        if (live is null)
            return (null, legacy);
        // No index any more: a promotion retired it since the lookup; tried again, the write finds the new one.
        var aliases = await AliasesOfAsync(live.Name, cancellationToken) ?? throw new ElasticsearchWritesFencedException(scope.ProjectId);
        if (aliases.Contains(writeAlias))
            return (live, legacy); // Just adopted from a layout-1 index, or put by another writer meanwhile.
        if (!aliases.Contains(_layout.FenceAlias(scope)))
        {
            // An index of the layout before write aliases. Should a promotion fence the project between the lookup and this,
            // the write alias is back on the old index and the promotion's swap, which gives it a second write index, fails.
            await UpdateAliasesAsync([AddWrite(live.Name, scope)], cancellationToken);
            return (live, legacy);
        }
        if (!liftFence)
            throw new ElasticsearchWritesFencedException(scope.ProjectId);
        await LiftFenceAsync(scope, live.Name, cancellationToken);
        return (live, legacy);
    }

    /// <summary>
    /// Migration of a layout-1 tenant index: a project holding chunks there gets its aliases on it. One without any is a new
    /// project, placed by its first upsert in the index of its space.
    /// </summary>
    private async Task<IndexState?> AdoptLegacyAsync(ProjectScope scope, IndexState? legacy, CancellationToken cancellationToken)
    {
        if (legacy is null)
            return null;
        var count = await client.CountAsync(new CountRequest(legacy.Name) { Query = new BoolQuery { Filter = ScopeFilters(scope) } }, cancellationToken);
        if (count.EnsureValid().Count == 0)
            return null;
        await UpdateAliasesAsync([Add(legacy.Name, _layout.ProjectAlias(scope), scope), AddWrite(legacy.Name, scope)], cancellationToken);
        return legacy;
    }

    /// <summary>
    /// Puts the project's aliases (<paramref name="aliasesOn"/> the index) on the tenant's index of <paramref name="space"/>: the
    /// layout-1 index when it is in that space, else the space's own, created on first use (a concurrent creator winning the
    /// race is fine).
    /// </summary>
    private async Task<IndexState> AdoptAsync(ProjectScope scope, EmbeddingSpace space, IndexState? legacy,
        Func<string, IndexUpdateAliasesAction[]> aliasesOn, CancellationToken cancellationToken)
    {
        var home = legacy?.Space == space ? legacy : await GetIndexAsync(_layout.SpaceIndexName(scope.TenantId, space), cancellationToken);
        if (home is null)
        {
            var created = await client.Indices.CreateAsync(_layout.CreateIndexRequest(scope.TenantId, space), cancellationToken);
            if (!created.FailedWith(ElasticsearchException.ResourceAlreadyExists))
                created.EnsureValid();
            home = new IndexState(_layout.SpaceIndexName(scope.TenantId, space), space, HasPageBreaks: true);
        }
        await UpdateAliasesAsync(aliasesOn(home.Name), cancellationToken);
        return home;
    }

    /// <summary>Refuses vectors of another space than the index's; adds the page-break field to an index created before it.</summary>
    private async Task EnsureWritableAsync(IndexState index, EmbeddingSpace space, CancellationToken cancellationToken)
    {
        var recorded = index.Space
            ?? throw new InvalidOperationException($"Index {index.Name} records no embedding space in its mapping _meta; it was not created by CleanRag.");
        if (recorded != space)
            throw new EmbeddingSpaceMismatchException(recorded, space);
        if (!index.HasPageBreaks)
            (await client.Indices.PutMappingAsync(ChunkIndexLayout.AddPageBreaks(index.Name), cancellationToken)).EnsureValid();
    }

    /// <summary>
    /// After a promotion: the project's chunks leave the index it left, and the index goes when no project is on it any more
    /// (only a layout-1 tenant alias, or none, left) and it holds nothing.
    /// </summary>
    private async Task RetireAsync(ProjectScope scope, string index, CancellationToken cancellationToken)
    {
        await DeleteByQueryAsync(index, new BoolQuery { Filter = ScopeFilters(scope) }, cancellationToken);
        await DeleteIfUnusedAsync(index, scope.TenantId, cancellationToken);
    }

    private async Task DeleteIfUnusedAsync(string index, Guid tenantId, CancellationToken cancellationToken)
    {
        if (await AliasesOfAsync(index, cancellationToken) is not { } names)
            return;
        var tenantAlias = _layout.TenantAlias(tenantId);
        if (names.Any(alias => alias != tenantAlias))
            return;
        if ((await client.CountAsync(new CountRequest(index), cancellationToken)).EnsureValid().Count > 0)
            return;
        var deleted = await client.Indices.DeleteAsync(new DeleteIndexRequest(index), cancellationToken);
        if (!deleted.FailedWith(ElasticsearchException.IndexNotFound))
            deleted.EnsureValid();
    }

    /// <summary>Indexes the chunks through <paramref name="target"/>; returns the indexes they landed in.</summary>
    private async Task<HashSet<string>> BulkIndexAsync(
        string target, ProjectScope scope, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        var landed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in chunks.Chunk(BulkBatchSize))
        {
            var request = new BulkRequest(target)
            {
                // wait_for: the chunks are searchable when the call returns, without forcing an extra refresh.
                Refresh = Refresh.WaitFor,
                // Never lets a vanished alias auto-create an index of that name with a dynamic mapping.
                RequireAlias = true,
                Operations = [.. batch.Select(chunk => new BulkIndexOperation<ChunkDocument>(ChunkDocument.From(scope, chunk))
                {
                    Id = ChunkIndexLayout.DocumentId(scope, chunk.ChunkId),
                })],
            };
            var response = await client.BulkAsync(request, cancellationToken);
            ThrowIfAnyItemFailed(response, batch.Length);
            landed.UnionWith(response.EnsureValid().Items.Select(item => item.Index));
        }
        return landed;
    }

    /// <summary>All the project's chunk ids behind <paramref name="target"/>, page by page in chunk id order.</summary>
    private async Task<HashSet<string>> ChunkIdsAsync(string target, ProjectScope scope, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var response = await client.SearchAsync<ChunkDocument>(new SearchRequest(target)
            {
                Size = IdPageSize,
                Source = false,
                Query = new BoolQuery { Filter = ScopeFilters(scope) },
                Sort = [ByChunkId],
                SearchAfter = after is null ? null : [after],
                TrackTotalHits = false,
            }, cancellationToken);
            if (response.FailedWith(ElasticsearchException.IndexNotFound))
                return ids;
            // The sort value is the chunk id: no _source needed.
            var page = response.EnsureValid().Hits.Select(hit => (string)hit.Sort!.First().Value!).ToList();
            ids.UnionWith(page);
            if (page.Count < IdPageSize)
                return ids;
            after = page[^1];
        }
    }

    private static SortOptions ByChunkId => new FieldSort(ChunkFields.ChunkId) { Order = SortOrder.Asc };

    /// <summary>The names of the aliases on <paramref name="index"/>; null when there is no such index.</summary>
    private async Task<HashSet<string>?> AliasesOfAsync(string index, CancellationToken cancellationToken)
    {
        var response = await client.Indices.GetAliasAsync(new GetAliasRequest((Indices)index), cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return null;
        return [.. response.EnsureValid().Aliases?.Values.SelectMany(index => index.Aliases?.Keys ?? []) ?? []];
    }

    private async Task UpdateAliasesAsync(ICollection<IndexUpdateAliasesAction> actions, CancellationToken cancellationToken) =>
        (await client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, cancellationToken)).EnsureValid();

    /// <summary>A project's alias carries the project filter, so even a query without it could not read another project's chunks.</summary>
    private static IndexUpdateAliasesAction Add(string index, string alias, ProjectScope scope) =>
        new AddAction { Index = index, Alias = alias, Filter = new BoolQuery { Filter = ScopeFilters(scope) } };

    /// <summary>
    /// The project's write alias, as the write index: an alias has at most one, so Elasticsearch refuses a request that would
    /// give it a second (a promotion swapping while the write alias was put back on the old index).
    /// </summary>
    private IndexUpdateAliasesAction AddWrite(string index, ProjectScope scope) => new AddAction
    {
        Index = index, Alias = _layout.WriteAlias(scope), Filter = new BoolQuery { Filter = ScopeFilters(scope) }, IsWriteIndex = true,
    };

    private static IndexUpdateAliasesAction Remove(string index, string alias) =>
        new RemoveAction { Index = index, Alias = alias, MustExist = true };

    private static void ThrowIfNotOf(EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            if (!chunk.Vector.IsEmpty && chunk.Vector.Length != space.Dimensions)
                throw new ArgumentException(
                    $"Chunk {chunk.ChunkId} has a {chunk.Vector.Length}-dim vector; {space.ModelId} has {space.Dimensions}.", nameof(chunks));
        }
    }

    /// <summary>
    /// The concrete index behind <paramref name="target"/> (an alias or an index), its recorded space and whether it has
    /// the page-break field; null when there is no such index.
    /// </summary>
    private async Task<IndexState?> GetIndexAsync(string target, CancellationToken cancellationToken)
    {
        var response = await client.Indices.GetMappingAsync(new GetMappingRequest(target), cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return null;
        // The answer is keyed by the concrete index name, even when asked through an alias.
        var (indexName, index) = response.EnsureValid().Mappings.Single();
        return new IndexState(indexName, ChunkIndexLayout.RecordedSpace(index.Mappings?.Meta),
            index.Mappings?.Properties?.Any(p => p.Key.Name == ChunkFields.PageBreaks) == true);
    }

    private sealed record IndexState(string Name, EmbeddingSpace? Space, bool HasPageBreaks);

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

    /// <summary>
    /// Deletes what <paramref name="query"/> matches in the project's live index, through its write alias; nothing to do when
    /// it has none.
    /// </summary>
    private async Task DeleteLiveAsync(ProjectScope scope, BoolQuery query, CancellationToken cancellationToken)
    {
        var writeAlias = _layout.WriteAlias(scope);
        // No write alias: nothing indexed, a project of an older layout not looked up yet (it gets its aliases), or a
        // promotion holding the writes (throws).
        if (await DeleteByQueryAsync(writeAlias, query, cancellationToken)
            || (await WritableIndexAsync(scope, liftFence: false, cancellationToken)).Writable is null)
            return;
        // The write alias went again since: a promotion fenced the writes.
        if (!await DeleteByQueryAsync(writeAlias, query, cancellationToken))
            throw new ElasticsearchWritesFencedException(scope.ProjectId);
    }

    /// <summary>Deletes what <paramref name="query"/> matches behind <paramref name="target"/>; false when there is no such index or alias.</summary>
    private async Task<bool> DeleteByQueryAsync(string target, BoolQuery query, CancellationToken cancellationToken)
    {
        var response = await client.DeleteByQueryAsync(new DeleteByQueryRequest(target)
        {
            Query = query,
            Refresh = true,
            // A chunk re-indexed while we delete is not a failure of the delete.
            Conflicts = Conflicts.Proceed,
        }, cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return false;
        if (response.EnsureValid().Failures is { Count: > 0 } failures)
        {
            var first = failures.First();
            throw new ElasticsearchException(HttpStatusCode.OK, "delete_by_query_failure",
                $"{failures.Count} failure(s) after deleting {response.Deleted}; first: {first.Id} ({first.Status}) {first.Cause.Type}: {first.Cause.Reason}");
        }
        return true;
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

    /// <summary>Both signals of <paramref name="query"/> through the project's alias, fused; null when the alias does not exist.</summary>
    private async Task<IReadOnlyList<SearchHit>?> FusedAsync(HybridQuery query, CancellationToken cancellationToken)
    {
        var fusion = query.Fusion ?? FusionOptions.Default;
        var alias = _layout.ProjectAlias(query.Scope);
        var window = fusion.WindowPerSignal;
        var lexical = string.IsNullOrWhiteSpace(query.Text)
            ? Task.FromResult<IReadOnlyList<RankedCandidate>?>([])
            : RankedAsync(LexicalRequest(alias, query, window), cancellationToken);
        var vector = query.Vector.IsEmpty
            ? Task.FromResult<IReadOnlyList<RankedCandidate>?>([])
            : NearestAsync(VectorRequest(alias, query, window), cancellationToken);
        await Task.WhenAll(lexical, vector);
        return await lexical is { } lexicalHits && await vector is { } vectorHits
            ? RankFusion.Fuse(lexicalHits, vectorHits, fusion, query.K)
            : null;
    }

    private async Task<IReadOnlyList<RankedCandidate>?> RankedAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var response = await client.SearchAsync<ChunkDocument>(request, cancellationToken);
        if (response.FailedWith(ElasticsearchException.IndexNotFound))
            return null;
        return [.. response.EnsureValid().Hits.Select(hit => new RankedCandidate(hit.Source!.ToChunk(), hit.Score ?? 0))];
    }

    /// <summary>
    /// kNN hits scored as the index contract says, by cosine similarity: Elasticsearch scores a cosine field (1 + cos) / 2.
    /// Fusion is unaffected (min-max and ranks), but an absolute floor on the similarity means the same in both engines.
    /// </summary>
    private async Task<IReadOnlyList<RankedCandidate>?> NearestAsync(SearchRequest request, CancellationToken cancellationToken) =>
        await RankedAsync(request, cancellationToken) is { } hits ? [.. hits.Select(c => c with { Score = 2 * c.Score - 1 })] : null;

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
