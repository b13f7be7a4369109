using CleanRag.Application.Common.Interfaces;
using CleanRag.Infrastructure.RateLimiting;
using CleanRag.Testing;

namespace CleanRag.Infrastructure.Tests.RateLimiting;

/// <summary>Counters in PostgreSQL, shared by limiters that stand for separate API instances.</summary>
public class PostgresRateLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static string ConnectionString => TestServices.Configuration("infrastructure")["ConnectionStrings:Postgres"]!;

    [Test]
    public async Task Two_instances_racing_on_one_bucket_admit_exactly_the_limit_together()
    {
        await using var first = new PostgresRateLimiter(ConnectionString, "cleanrag", TimeProvider.System);
        await using var second = new PostgresRateLimiter(ConnectionString, "cleanrag", TimeProvider.System);
        var bucket = $"key:{Guid.NewGuid():N}";

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? first : second).AcquireAsync(bucket, 25, Minute, CancellationToken.None).AsTask()));

        decisions.Count(d => d.Allowed).Should().Be(25);
        decisions.Where(d => d.Allowed).Select(d => d.Remaining).Should().BeEquivalentTo(Enumerable.Range(0, 25), "each admitted request counts down once");
        decisions.Select(d => d.ResetAt).Distinct().Should().ContainSingle("one window for the bucket, whichever instance opened it");
    }

    [Test]
    public async Task A_new_window_starts_whole_once_the_last_one_ends()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        await using var limiter = new PostgresRateLimiter(ConnectionString, "cleanrag", clock);
        var bucket = $"visitor:{Guid.NewGuid():N}";
        for (var i = 0; i < 2; i++)
            (await limiter.AcquireAsync(bucket, 2, Minute, CancellationToken.None)).Allowed.Should().BeTrue();
        var refused = await limiter.AcquireAsync(bucket, 2, Minute, CancellationToken.None);
        refused.Should().Be(new RateLimitDecision(false, 2, 0, clock.Now + Minute));

        clock.Now += Minute;

        (await limiter.AcquireAsync(bucket, 2, Minute, CancellationToken.None)).Should().Be(new RateLimitDecision(true, 2, 1, clock.Now + Minute));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
