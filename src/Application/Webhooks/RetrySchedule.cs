namespace CleanRag.Application.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the configured delays in order, each spread by ±<paramref name="jitterRatio"/>
/// so that many deliveries failing together do not all retry at the same instant.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays, double jitterRatio)
{
    public IReadOnlyList<TimeSpan> Delays { get; } = delays;

    /// <summary>The wait before the next attempt after <paramref name="attemptsMade"/> failed ones; null when none is left.</summary>
    public TimeSpan? DelayAfter(int attemptsMade)
    {
        if (attemptsMade < 1 || attemptsMade > Delays.Count)
            return null;
        var factor = 1 + (Random.Shared.NextDouble() * 2 - 1) * jitterRatio;
        return Delays[attemptsMade - 1] * factor;
    }
}
