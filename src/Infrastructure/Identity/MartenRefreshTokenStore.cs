using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using Marten;

namespace CleanRag.Infrastructure.Identity;

/// <summary>A refresh token, stored by the SHA-256 of its value; redeemed at most once.</summary>
public sealed class RefreshTokenRecord
{
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
}

internal sealed class MartenRefreshTokenStore(IDocumentStore store, AuthOptions options, TimeProvider clock) : IRefreshTokenStore
{
    public async Task<string> IssueAsync(Guid userId, CancellationToken cancellationToken)
    {
        var token = SecretTokens.Create();
        await using var session = store.LightweightSession();
        session.Insert(new RefreshTokenRecord
        {
            Id = SecretTokens.Hash(token), UserId = userId, ExpiresAt = clock.GetUtcNow().AddDays(options.RefreshTokenDays),
        });
        await session.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<Guid?> RedeemAsync(string refreshToken, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<RefreshTokenRecord>(SecretTokens.Hash(refreshToken), cancellationToken);
        var now = clock.GetUtcNow();
        if (record is null || record.RedeemedAt is not null || record.ExpiresAt < now)
            return null;

        // The record uses optimistic concurrency: of two concurrent redemptions only one commits.
        record.RedeemedAt = now;
        session.Store(record);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return null;
        }
        return record.UserId;
    }
}
