using System.Collections.Concurrent;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window counters in this process's memory. Each bucket's check-and-count runs under the bucket's
/// lock, so racing requests can never take more than the limit. Suits one API instance; several
/// instances need a shared store behind <see cref="IRateLimiter"/>.
/// </summary>
internal sealed class InProcessRateLimiter(TimeProvider clock) : IRateLimiter
{
    private const int PurgeEvery = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private int _calls;

    public ValueTask<RateLimitDecision> AcquireAsync(string bucket, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % PurgeEvery == 0)
            PurgeExpired(now);

        var current = _windows.GetOrAdd(bucket, _ => new Window(now + window));
        lock (current)
        {
            if (now >= current.ResetAt)
            {
                current.ResetAt = now + window;
                current.Count = 0;
            }
            var allowed = current.Count < limit;
            if (allowed)
                current.Count++;
            return ValueTask.FromResult(new RateLimitDecision(allowed, limit, Math.Max(0, limit - current.Count), current.ResetAt));
        }
    }

    /// <summary>Forgets buckets idle for a while, so memory follows the active callers, not every caller ever seen.</summary>
    private void PurgeExpired(DateTimeOffset now)
    {
        foreach (var (bucket, window) in _windows)
        {
            // Long expired: a request still holding it would start a fresh window anyway.
            if (now - window.ResetAt > TimeSpan.FromMinutes(5))
                _windows.TryRemove(new KeyValuePair<string, Window>(bucket, window));
        }
    }

    private sealed class Window(DateTimeOffset resetAt)
    {
        public DateTimeOffset ResetAt { get; set; } = resetAt;
        public int Count { get; set; }
    }
}
