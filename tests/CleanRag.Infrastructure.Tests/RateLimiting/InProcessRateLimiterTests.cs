using CleanRag.Infrastructure.RateLimiting;

namespace CleanRag.Infrastructure.Tests.RateLimiting;

public class InProcessRateLimiterTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Test]
    public async Task A_bucket_admits_its_limit_per_window_and_counts_down()
    {
        var limiter = new InProcessRateLimiter(new ManualClock(Start));

        var decisions = new List<Application.Common.Interfaces.RateLimitDecision>();
        for (var i = 0; i < 4; i++)
            decisions.Add(await limiter.AcquireAsync("key:a", 3, Minute, CancellationToken.None));

        decisions.Select(d => d.Allowed).Should().Equal(true, true, true, false);
        decisions.Select(d => d.Remaining).Should().Equal(2, 1, 0, 0);
        decisions.Should().OnlyContain(d => d.Limit == 3 && d.ResetAt == Start + Minute);
        decisions[3].RetryAfterSeconds(Start + TimeSpan.FromSeconds(45)).Should().Be(15);
    }

    [Test]
    public async Task A_new_window_restores_the_allowance_and_buckets_are_independent()
    {
        var clock = new ManualClock(Start);
        var limiter = new InProcessRateLimiter(clock);
        await limiter.AcquireAsync("key:a", 1, Minute, CancellationToken.None);

        (await limiter.AcquireAsync("key:a", 1, Minute, CancellationToken.None)).Allowed.Should().BeFalse();
        (await limiter.AcquireAsync("key:b", 1, Minute, CancellationToken.None)).Allowed.Should().BeTrue();
        clock.Now = Start + Minute;
        var renewed = await limiter.AcquireAsync("key:a", 1, Minute, CancellationToken.None);
        renewed.Allowed.Should().BeTrue();
        renewed.ResetAt.Should().Be(Start + Minute + Minute);
    }

    [Test]
    public async Task When_a_hundred_requests_race_for_the_last_slot_exactly_one_wins()
    {
        for (var round = 0; round < 20; round++)
        {
            var limiter = new InProcessRateLimiter(new ManualClock(Start));
            for (var i = 0; i < 9; i++)
                await limiter.AcquireAsync("key:race", 10, Minute, CancellationToken.None);

            using var gate = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 100)
                .Select(_ => Task.Factory.StartNew(() =>
                {
                    gate.Wait();
                    return limiter.AcquireAsync("key:race", 10, Minute, CancellationToken.None).AsTask().Result.Allowed;
                }, TaskCreationOptions.LongRunning))
                .ToList();
            gate.Set();

            (await Task.WhenAll(racers)).Count(allowed => allowed).Should().Be(1, $"round {round}");
        }
    }
}
