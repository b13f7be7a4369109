using CleanRag.Infrastructure.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Identity;

/// <summary>Password-reset tokens on PostgreSQL, with a clock the test moves.</summary>
public class MartenPasswordResetTokensTests
{
    private static IDocumentStore Store => InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>();

    [Test]
    public async Task A_token_works_once_and_spends_the_users_other_tokens()
    {
        var tokens = new MartenPasswordResetTokens(Store, new MovableClock());
        var userId = Guid.NewGuid();
        var first = await tokens.IssueAsync(userId, TimeSpan.FromHours(1), CancellationToken.None);
        var second = await tokens.IssueAsync(userId, TimeSpan.FromHours(1), CancellationToken.None);

        (await tokens.RedeemAsync(second, CancellationToken.None)).Should().Be(userId);
        (await tokens.RedeemAsync(second, CancellationToken.None)).Should().BeNull("a token works once");
        (await tokens.RedeemAsync(first, CancellationToken.None)).Should().BeNull("a reset spends the other links too");
    }

    [Test]
    public async Task Of_concurrent_redemptions_of_one_token_one_succeeds()
    {
        var tokens = new MartenPasswordResetTokens(Store, new MovableClock());
        var token = await tokens.IssueAsync(Guid.NewGuid(), TimeSpan.FromHours(1), CancellationToken.None);

        var redeemed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.RedeemAsync(token, CancellationToken.None)));

        redeemed.Count(userId => userId is not null).Should().Be(1);
    }

    [Test]
    public async Task An_expired_token_is_refused_and_the_last_issue_time_is_remembered()
    {
        var clock = new MovableClock();
        var tokens = new MartenPasswordResetTokens(Store, clock);
        var userId = Guid.NewGuid();
        (await tokens.LastIssuedAsync(userId, CancellationToken.None)).Should().BeNull();
        var token = await tokens.IssueAsync(userId, TimeSpan.FromHours(1), CancellationToken.None);
        (await tokens.LastIssuedAsync(userId, CancellationToken.None)).Should().BeCloseTo(clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromHours(1));

        (await tokens.RedeemAsync(token, CancellationToken.None)).Should().BeNull();
        (await tokens.RedeemAsync("not-a-token", CancellationToken.None)).Should().BeNull();
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
