namespace CleanRag.Application.Search;

/// <summary>
/// The hybrid (BM25 + vector kNN) index of document chunks. Engines enforce the tenant and project
/// filters themselves: a query can never return another tenant's or project's chunks.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Adds or replaces chunks (by <see cref="IndexedChunk.ChunkId"/>) of one project. Vectors must
    /// belong to <paramref name="space"/>; an index that already holds vectors of another embedding
    /// space refuses them (<see cref="EmbeddingSpaceMismatchException"/>) instead of mixing them.
    /// </summary>
    Task UpsertAsync(ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    /// <summary>Removes a document's chunks: all versions, one version, or every version except one.</summary>
    Task DeleteDocumentAsync(ProjectScope scope, Guid documentId, VersionSelector versions, CancellationToken cancellationToken);

    /// <summary>Removes everything of a project.</summary>
    Task DeleteProjectAsync(ProjectScope scope, CancellationToken cancellationToken);

    /// <summary>Hybrid search; hits are ranked by fused score, best first, at most <see cref="HybridQuery.K"/>.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(HybridQuery query, CancellationToken cancellationToken);

    /// <summary>The embedding space recorded for a project's index, or null while it holds no vectors.</summary>
    Task<EmbeddingSpace?> GetEmbeddingSpaceAsync(ProjectScope scope, CancellationToken cancellationToken);

    // Re-embedding into another space: a project's chunks are copied, embedded by the new model, into a staged
    // generation of its index that no search sees, which then replaces the live one at once (PromoteStagedAsync).

    /// <summary>
    /// A page of the live index's chunks (texts and metadata, no vectors), ordered by chunk id, after
    /// <paramref name="afterChunkId"/> (null: from the first). <see cref="ChunkPage.Total"/> counts all the live chunks.
    /// </summary>
    Task<ChunkPage> ReadChunksAsync(ProjectScope scope, string? afterChunkId, int pageSize, CancellationToken cancellationToken);

    /// <summary>The staged generation's space and chunk ids (what is already re-embedded), or null when there is none.</summary>
    Task<StagedGeneration?> GetStagedAsync(ProjectScope scope, CancellationToken cancellationToken);

    /// <summary>Adds or replaces chunks of the staged generation (created on first use); its space is fixed by the first vectors like a live index's.</summary>
    Task UpsertStagedAsync(ProjectScope scope, EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    /// <summary>Removes chunks from the staged generation (ones the live index no longer holds).</summary>
    Task DeleteStagedAsync(ProjectScope scope, IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the staged generation the live index, atomically for searches and writers, if it holds exactly the live
    /// index's chunk ids; otherwise (a document was indexed or deleted meanwhile) changes nothing and returns false.
    /// </summary>
    Task<bool> PromoteStagedAsync(ProjectScope scope, CancellationToken cancellationToken);

    /// <summary>Deletes the staged generation, if any.</summary>
    Task DiscardStagedAsync(ProjectScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Repairs what a process killed during an operation on the project's index left behind, e.g. writes still held by a
    /// promotion that never finished (Elasticsearch, where several API instances share the index). Called for every project
    /// at start-up, before its re-embedding; a promotion another instance is running at that moment may then fail, and
    /// changes nothing. The embedded engine has nothing to repair: its promotion holds writes in memory only.
    /// </summary>
    Task RecoverAsync(ProjectScope scope, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Chunks of a live index in chunk id order; <paramref name="Next"/> continues after the last, null at the end.</summary>
public sealed record ChunkPage(IReadOnlyList<IndexedChunk> Chunks, string? Next, int Total);

/// <summary>A staged generation of a project's index: the space of its vectors (null while none) and its chunks.</summary>
public sealed record StagedGeneration(EmbeddingSpace? Space, IReadOnlySet<string> ChunkIds);

/// <summary>One tenant's project: the unit of isolation of the index.</summary>
public sealed record ProjectScope(Guid TenantId, Guid ProjectId);

/// <summary>The embedding model and dimension that produced an index's vectors.</summary>
public sealed record EmbeddingSpace(string ModelId, int Dimensions);

public sealed class EmbeddingSpaceMismatchException(EmbeddingSpace indexed, EmbeddingSpace offered) : Exception(
    $"The index holds vectors of {indexed.ModelId} ({indexed.Dimensions} dims) but was given {offered.ModelId} " +
    $"({offered.Dimensions} dims); reindex the project to change the embedding model.")
{
    public EmbeddingSpace Indexed { get; } = indexed;
    public EmbeddingSpace Offered { get; } = offered;
}

/// <summary>A chunk as indexed: text for BM25, vector for kNN, and what a citation needs.</summary>
/// <param name="PageBreaks">Where each page after <see cref="PageStart"/> begins in <see cref="Text"/>, so a citation can name
/// the page of the sentence used; null for a chunk on one page and for chunks indexed before pages were tracked.</param>
public sealed record IndexedChunk(
    string ChunkId,
    Guid DocumentId,
    int DocumentVersion,
    string DocumentTitle,
    string Text,
    string? HeadingPath,
    int? PageStart,
    int? PageEnd,
    int CharStart,
    int CharEnd,
    ReadOnlyMemory<float> Vector,
    IReadOnlyList<PageBreak>? PageBreaks = null)
{
    /// <summary>The page the character at <paramref name="offset"/> of <see cref="Text"/> is on (<see cref="PageStart"/> without breaks).</summary>
    public int? PageAt(int offset) => PageBreak.PageAt(PageStart, PageBreaks, offset);
}

/// <summary><paramref name="Page"/> begins at <paramref name="Offset"/> of a chunk's text.</summary>
public readonly record struct PageBreak(int Offset, int Page)
{
    public static int? PageAt(int? pageStart, IReadOnlyList<PageBreak>? breaks, int offset)
    {
        var page = pageStart;
        foreach (var pageBreak in breaks ?? [])
        {
            if (pageBreak.Offset > offset)
                break;
            page = pageBreak.Page;
        }
        return page;
    }

    /// <summary>Breaks as one stored value, "offset:page;offset:page" (null for none), and back.</summary>
    public static string? Format(IReadOnlyList<PageBreak>? breaks) =>
        breaks is null || breaks.Count == 0 ? null
            : string.Join(';', breaks.Select(b => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.Offset}:{b.Page}")));

    public static IReadOnlyList<PageBreak>? Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? null
            : [.. stored.Split(';').Select(pair => pair.Split(':')).Select(parts => new PageBreak(
                int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))];
}

/// <summary>Which versions of a document an operation applies to.</summary>
public sealed record VersionSelector(int? Only = null, int? AllExcept = null)
{
    public static VersionSelector All { get; } = new();
    public bool Matches(int version) => (Only is null || Only == version) && (AllExcept is null || AllExcept != version);
}

public enum FusionMethod
{
    /// <summary>Reciprocal rank fusion: sum of 1 / (k + rank) over the signals.</summary>
    ReciprocalRank,
    /// <summary>Weighted sum of min-max normalised scores.</summary>
    WeightedConvex,
}

public sealed record FusionOptions(
    FusionMethod Method = FusionMethod.ReciprocalRank,
    int RrfK = 60,
    int WindowPerSignal = 100,
    double LexicalWeight = 0.5)
{
    public static FusionOptions Default { get; } = new();
}

/// <summary>
/// A hybrid query. <see cref="Vector"/> may be empty (lexical only) and <see cref="Text"/> may be
/// empty (vector only). <see cref="DocumentIds"/> narrows the search to some documents.
/// </summary>
public sealed record HybridQuery(
    ProjectScope Scope,
    string Text,
    ReadOnlyMemory<float> Vector,
    int K,
    FusionOptions? Fusion = null,
    IReadOnlyCollection<Guid>? DocumentIds = null);

/// <summary>One signal's view of a hit: its 1-based rank and raw score in that signal (for the vector signal, the cosine
/// similarity of the chunk to the query, whatever the engine).</summary>
public sealed record SignalScore(int Rank, double Score);

public sealed record SearchHit(IndexedChunk Chunk, double Score, SignalScore? Lexical, SignalScore? Vector);
