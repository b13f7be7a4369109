namespace CleanRag.Eval;

/// <summary>The standard BEIR metrics of one ranked list against graded judgements.</summary>
internal static class RetrievalMetrics
{
    /// <summary>nDCG@k with gain = grade and log2(rank + 1) discount, as pytrec_eval computes it.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        var dcg = ranked.Take(k).Select((id, i) => relevant.GetValueOrDefault(id) / Math.Log2(i + 2)).Sum();
        var ideal = relevant.Values.OrderDescending().Take(k).Select((grade, i) => grade / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.ContainsKey) / relevant.Count;

    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        var first = ranked.Take(k).ToList().FindIndex(relevant.ContainsKey);
        return first < 0 ? 0 : 1.0 / (first + 1);
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
