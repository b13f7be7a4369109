using CleanRag.Application.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Identity;

/// <summary>The log-in throttle on PostgreSQL with the default settings (5 failures per account, first lock 1 minute).</summary>
public class MartenLoginThrottleTests
{
    private static ILoginThrottle Throttle => InfrastructureHost.Host.Services.GetRequiredService<ILoginThrottle>();

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    [Test]
    public async Task Concurrent_guesses_cannot_slip_past_the_count()
    {
        var email = NewEmail();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Throttle.BeginAttemptAsync(email, null, CancellationToken.None)));

        answers.Count(wait => wait is null).Should().Be(5, "only as many attempts as the limit may test a password");
        // Each attempt reads the clock on its own, so a lock another attempt started a moment later may end a moment later.
        answers.Where(wait => wait is not null).Should().OnlyContain(wait => wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task A_success_starts_the_account_count_again()
    {
        var email = NewEmail();
        var address = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}::1"; // counts of its own
        for (var i = 0; i < 4; i++)
            (await Throttle.BeginAttemptAsync(email, address, CancellationToken.None)).Should().BeNull();
        (await Throttle.BeginAttemptAsync(email, address, CancellationToken.None)).Should().BeNull();
        await Throttle.SucceededAsync(email, address, CancellationToken.None);

        for (var i = 0; i < 4; i++)
            (await Throttle.BeginAttemptAsync(email, address, CancellationToken.None)).Should().BeNull();
        (await Throttle.BeginAttemptAsync(email, address, CancellationToken.None)).Should().BeNull("the fifth attempt is still tested; it starts the lock");
        (await Throttle.BeginAttemptAsync(email, address, CancellationToken.None)).Should().NotBeNull();
    }
}
