namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Counts requests per bucket (a key, a visitor, a project) in fixed windows. The default keeps its state
/// in this process; several API instances need an implementation over a shared store.
/// </summary>
public interface IRateLimiter
{
    /// <summary>Takes one request from <paramref name="bucket"/>'s allowance of <paramref name="limit"/> per <paramref name="window"/>.</summary>
    ValueTask<RateLimitDecision> AcquireAsync(string bucket, int limit, TimeSpan window, CancellationToken cancellationToken);
}

/// <param name="Remaining">Requests left in the current window after this one.</param>
/// <param name="ResetAt">When the current window ends and the allowance is whole again.</param>
public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt)
{
    /// <summary>Whole seconds until a refused caller may try again (at least 1).</summary>
    public int RetryAfterSeconds(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((ResetAt - now).TotalSeconds));
}
