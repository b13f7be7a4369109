namespace CleanRag.Application.Search.Reranking;

/// <summary>
/// Reorders the fused retrieval candidates of a query by a finer judgement of relevance.
/// </summary>
/// <remarks>
/// The returned hits are at most topK candidates in the order to use them (a reranker may trade some
/// relevance for diversity, so the order need not follow the score). Each hit's <see cref="SearchHit.Score"/>
/// is replaced by the reranker's relevance of that chunk to the query in [0, 1] (higher = more relevant; the
/// fused retrieval score is rank-based and means little across queries), so a caller thresholds on it after reranking. The per-signal
/// <see cref="SearchHit.Lexical"/> and <see cref="SearchHit.Vector"/> ranks are kept as retrieved.
/// </remarks>
public interface IReranker
{
    Task<IReadOnlyList<SearchHit>> RerankAsync(
        string query, IReadOnlyList<SearchHit> candidates, int topK, CancellationToken cancellationToken);
}
