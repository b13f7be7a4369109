namespace CleanRag.Application.Analytics;

/// <summary>
/// Answer latencies counted in fixed log-scale buckets (each about 19% wider than the one before, from 1 ms to about
/// 17 minutes), so histograms of any days can be merged by adding counts and any percentile estimated from the merge
/// within one bucket's width, without keeping every sample.
/// </summary>
public static class LatencyHistogram
{
    /// <summary>Four buckets per doubling: the estimate is off by at most ~19%.</summary>
    private const double Growth = 1.189207115002721; // 2^(1/4)

    public const int BucketCount = 81;

    /// <summary>The bucket of <paramref name="milliseconds"/>: bucket i holds [Growth^(i-1), Growth^i) ms; 0 holds under 1 ms, the last everything above.</summary>
    public static int BucketOf(long milliseconds) =>
        milliseconds < 1 ? 0 : Math.Min(BucketCount - 1, 1 + (int)Math.Floor(Math.Log(milliseconds) / Math.Log(Growth)));

    public static double LowerBound(int bucket) => bucket == 0 ? 0 : Math.Pow(Growth, bucket - 1);

    public static double UpperBound(int bucket) => Math.Pow(Growth, bucket);

    /// <summary>Adds <paramref name="source"/>'s counts into <paramref name="target"/>.</summary>
    public static void Merge(int[] target, IReadOnlyList<int> source)
    {
        for (var i = 0; i < Math.Min(target.Length, source.Count); i++)
            target[i] += source[i];
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0–1) of the counted latencies, interpolated linearly inside the bucket that holds it
    /// (as Prometheus' histogram_quantile does); null without samples.
    /// </summary>
    public static double? Percentile(IReadOnlyList<int> buckets, double quantile)
    {
        long total = buckets.Sum(b => (long)b);
        if (total == 0)
            return null;
        var rank = quantile * total;
        long below = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i] == 0 || below + buckets[i] < rank)
            {
                below += buckets[i];
                continue;
            }
            var within = (rank - below) / buckets[i];
            return Math.Round(LowerBound(i) + (UpperBound(i) - LowerBound(i)) * within, 1);
        }
        return Math.Round(UpperBound(buckets.Count - 1), 1);
    }
}
