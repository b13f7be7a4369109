namespace CleanRag.Application.Search.Reranking;

/// <summary>
/// Reorders the fused retrieval candidates of a query by a finer judgement of relevance.
/// </summary>
/// <remarks>
/// The returned hits are a new ranking of at most topK candidates, best first; each hit's
/// <see cref="SearchHit.Score"/> is replaced by the reranker's relevance in [0, 1] (higher = more relevant),
/// comparable across queries, so a caller thresholds on it after reranking. The per-signal
/// <see cref="SearchHit.Lexical"/> and <see cref="SearchHit.Vector"/> ranks are kept as retrieved.
/// </remarks>
public interface IReranker
{
    Task<IReadOnlyList<SearchHit>> RerankAsync(
        string query, IReadOnlyList<SearchHit> candidates, int topK, CancellationToken cancellationToken);
}
