using System.Runtime.CompilerServices;

namespace CleanRag.Application.Search.Reranking;

/// <param name="CandidateWindow">How many of the fused candidates are considered; the rest are dropped.</param>
/// <param name="Lambda">MMR trade-off: 1 = relevance only, 0 = diversity only.</param>
/// <param name="QueryOverlapWeight">Share of the query-term overlap in the relevance; the rest is the fused retrieval score.</param>
public sealed record LexicalMmrOptions(int CandidateWindow = 50, double Lambda = 0.7, double QueryOverlapWeight = 0.6)
{
    public static LexicalMmrOptions Default { get; } = new();
}

/// <summary>
/// The default reranker, needing no model. Relevance of a chunk = a weighted mix of (a) the idf-weighted
/// share of the query's terms that the chunk (text, title, heading) contains and (b) its fused retrieval
/// score as a fraction of the best candidate's; both in [0, 1]. (A ratio rather than min-max: fused scores
/// are close together, and min-max would give the last candidate 0 however close it was.) Hits are then picked by maximal marginal
/// relevance — relevance minus the highest term-set (Jaccard) similarity to a chunk already picked — so
/// near-duplicate chunks do not crowd out other evidence. <see cref="SearchHit.Score"/> of a returned hit is
/// its relevance (not its MMR value), so it stays meaningful for a threshold; the order is the MMR order.
/// </summary>
public sealed class LexicalMmrReranker(LexicalMmrOptions? options = null) : IReranker
{
    private readonly LexicalMmrOptions _options = options ?? LexicalMmrOptions.Default;

    public Task<IReadOnlyList<SearchHit>> RerankAsync(
        string query, IReadOnlyList<SearchHit> candidates, int topK, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var window = candidates.Take(_options.CandidateWindow).ToList();
        if (window.Count == 0 || topK == 0)
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);

        var queryTerms = SearchTerms.Analyse(query).ToHashSet(StringComparer.Ordinal);
        var analysed = window.Select(h => AnalysedTerms.GetValue(h.Chunk, Analyse)).ToList();
        var bodies = analysed.Select(a => a.Body).ToList();
        var searchable = analysed.Select(a => a.Searchable).ToList();
        var relevance = Relevance(queryTerms, searchable, window);

        return Task.FromResult(SelectByMarginalRelevance(window, bodies, relevance, topK));
    }

    /// <summary>
    /// Term sets per chunk instance. Analysis ran on every question for every candidate; a search engine that
    /// hands out the same chunk objects again (the embedded one caches them) gets them analysed once. Keyed by
    /// identity, so an entry lives exactly as long as its chunk.
    /// </summary>
    private static readonly ConditionalWeakTable<IndexedChunk, ChunkTerms> AnalysedTerms = new();

    private sealed record ChunkTerms(SortedTerms Body, HashSet<string> Searchable);

    private static ChunkTerms Analyse(IndexedChunk chunk)
    {
        var body = SearchTerms.Analyse(chunk.Text).ToHashSet(StringComparer.Ordinal);
        var searchable = new HashSet<string>(body, StringComparer.Ordinal);
        searchable.UnionWith(SearchTerms.Analyse($"{chunk.DocumentTitle} {chunk.HeadingPath}"));
        return new ChunkTerms(new SortedTerms(body), searchable);
    }

    private double[] Relevance(HashSet<string> queryTerms, List<HashSet<string>> searchable, List<SearchHit> window)
    {
        // A query term found in few candidates says more than one found in all of them.
        var idf = queryTerms.ToDictionary(
            term => term,
            term => Math.Log(1 + (double)window.Count / (1 + searchable.Count(terms => terms.Contains(term)))),
            StringComparer.Ordinal);
        var idfTotal = idf.Values.Sum();
        var bestFused = window.Max(h => h.Score);

        var relevance = new double[window.Count];
        for (var i = 0; i < window.Count; i++)
        {
            var fused = bestFused <= 0 ? 1 : Math.Max(0, window[i].Score) / bestFused;
            if (idfTotal <= 0)
            {
                relevance[i] = fused;
                continue;
            }
            var overlap = idf.Where(t => searchable[i].Contains(t.Key)).Sum(t => t.Value) / idfTotal;
            relevance[i] = _options.QueryOverlapWeight * overlap + (1 - _options.QueryOverlapWeight) * fused;
        }
        return relevance;
    }

    private IReadOnlyList<SearchHit> SelectByMarginalRelevance(
        List<SearchHit> window, List<SortedTerms> bodies, double[] relevance, int topK)
    {
        var remaining = Enumerable.Range(0, window.Count).ToList();
        var maxSimilarity = new double[window.Count];
        var picked = new List<SearchHit>(Math.Min(topK, window.Count));
        while (picked.Count < topK && remaining.Count > 0)
        {
            // Ties go to the better retrieval rank, which is the candidates' order.
            var best = remaining
                .OrderByDescending(i => _options.Lambda * relevance[i] - (1 - _options.Lambda) * maxSimilarity[i])
                .ThenBy(i => i)
                .First();
            remaining.Remove(best);
            picked.Add(window[best] with { Score = relevance[best] });
            if (picked.Count == topK)
                break;
            foreach (var other in remaining)
                maxSimilarity[other] = Math.Max(maxSimilarity[other], Jaccard(bodies[best], bodies[other]));
        }
        return picked;
    }

    private static double Jaccard(SortedTerms first, SortedTerms second)
    {
        if (first.Count == 0 && second.Count == 0)
            return 0;
        var shared = first.CountShared(second);
        return (double)shared / (first.Count + second.Count - shared);
    }

    /// <summary>
    /// A set of terms in ordinal order: the terms two sets share are counted by one merge of the two. The MMR loop
    /// compares each pick with every remaining candidate; hash-set lookups there were a tenth of a chat's CPU.
    /// </summary>
    private sealed class SortedTerms
    {
        private readonly string[] _terms;

        public SortedTerms(IReadOnlyCollection<string> distinctTerms)
        {
            _terms = [.. distinctTerms];
            Array.Sort(_terms, StringComparer.Ordinal);
        }

        public int Count => _terms.Length;

        public int CountShared(SortedTerms other)
        {
            int i = 0, j = 0, shared = 0;
            while (i < _terms.Length && j < other._terms.Length)
            {
                var order = string.CompareOrdinal(_terms[i], other._terms[j]);
                if (order == 0)
                    shared++;
                if (order <= 0)
                    i++;
                if (order >= 0)
                    j++;
            }
            return shared;
        }
    }
}
