namespace CleanRag.Application.Analytics;

/// <summary>
/// The figures of a period. Rates are shares of <see cref="Messages"/> (0–1, null without questions): an escalated question,
/// or one waiting for a person, is none of answered, unanswered or refused. Latency percentiles come from merged
/// log-scale buckets (within ~19%).
/// </summary>
public sealed record AnalyticsKpis(
    int Conversations,
    int Messages,
    int Answered,
    int Unanswered,
    int Refused,
    double? AnsweredRate,
    double? UnansweredRate,
    double? RefusedRate,
    double? AverageConfidence,
    int PositiveFeedback,
    int NegativeFeedback,
    int Escalations,
    int Leads,
    double? LatencyP50Ms,
    double? LatencyP95Ms)
{
    public static AnalyticsKpis From(AnalyticsCounts counts) => new(
        counts.Conversations,
        counts.Messages,
        counts.Answered,
        counts.Unanswered,
        counts.Refused,
        Rate(counts.Answered, counts.Messages),
        Rate(counts.Unanswered, counts.Messages),
        Rate(counts.Refused, counts.Messages),
        counts.ConfidenceCount == 0 ? null : Math.Round(counts.ConfidenceSum / counts.ConfidenceCount, 4),
        counts.PositiveFeedback,
        counts.NegativeFeedback,
        counts.Escalations,
        counts.Leads,
        LatencyHistogram.Percentile(counts.LatencyBuckets, 0.50),
        LatencyHistogram.Percentile(counts.LatencyBuckets, 0.95));

    /// <summary>The sum of <paramref name="counts"/> (none: zeros).</summary>
    public static AnalyticsKpis Sum(IEnumerable<AnalyticsCounts> counts)
    {
        var total = new AnalyticsTotals();
        foreach (var c in counts)
            total.Add(c);
        return From(total);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
