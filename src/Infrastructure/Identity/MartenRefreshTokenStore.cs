using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using Marten;

namespace CleanRag.Infrastructure.Identity;

/// <summary>A refresh token, stored by the SHA-256 of its value; redeemed at most once.</summary>
public sealed class RefreshTokenRecord
{
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }

    /// <summary>The sign-in this token continues; empty for tokens issued before families existed.</summary>
    public Guid FamilyId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
}

/// <summary>A refresh-token family none of whose tokens may be redeemed any more: one of them was presented twice.</summary>
public sealed class RevokedRefreshTokenFamily
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset RevokedAt { get; set; }
}

internal sealed class MartenRefreshTokenStore(IDocumentStore store, AuthOptions options, TimeProvider clock) : IRefreshTokenStore
{
    public async Task<string> IssueAsync(Guid userId, Guid familyId, CancellationToken cancellationToken)
    {
        var token = SecretTokens.Create();
        await using var session = store.LightweightSession();
        session.Insert(new RefreshTokenRecord
        {
            Id = SecretTokens.Hash(token), UserId = userId, FamilyId = familyId, ExpiresAt = clock.GetUtcNow().AddDays(options.RefreshTokenDays),
        });
        await session.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<RedeemedRefreshToken?> RedeemAsync(string refreshToken, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<RefreshTokenRecord>(SecretTokens.Hash(refreshToken), cancellationToken);
        var now = clock.GetUtcNow();
        if (record is null || record.ExpiresAt < now)
            return null;
        if (await session.LoadAsync<RevokedRefreshTokenFamily>(record.FamilyId, cancellationToken) is not null)
            return null;
        if (record.RedeemedAt is not null)
        {
            // Reuse detection (OAuth 2.0 Security BCP): a used token came back, so a copy exists. Whichever of thief
            // and owner holds the live successor, revoking the family locks both out until the owner signs in again.
            if (record.FamilyId != Guid.Empty)
            {
                session.Store(new RevokedRefreshTokenFamily { Id = record.FamilyId, UserId = record.UserId, RevokedAt = now });
                await session.SaveChangesAsync(cancellationToken);
            }
            return null;
        }

        if (record.FamilyId == Guid.Empty)
            record.FamilyId = Guid.CreateVersion7(); // a token from before families starts one
        // The record uses optimistic concurrency: of two concurrent redemptions only one commits. The loser is not
        // taken for a replay: requests that overlap like that come from one client sending twice (a retry, two tabs);
        // a copy presented any later finds the token redeemed and revokes the family.
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
        return new RedeemedRefreshToken(record.UserId, record.FamilyId);
    }

    public async Task RevokeFamilyAsync(string refreshToken, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<RefreshTokenRecord>(SecretTokens.Hash(refreshToken), cancellationToken);
        if (record is null)
            return;
        if (record.FamilyId == Guid.Empty)
        {
            // A token from before families: it is its own session.
            record.RedeemedAt ??= clock.GetUtcNow();
            session.Store(record);
        }
        else
        {
            session.Store(new RevokedRefreshTokenFamily { Id = record.FamilyId, UserId = record.UserId, RevokedAt = clock.GetUtcNow() });
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var live = await session.Query<RefreshTokenRecord>()
            .Where(r => r.UserId == userId && r.RedeemedAt == null && r.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var family in live.Where(r => r.FamilyId != Guid.Empty).Select(r => r.FamilyId).Distinct())
            session.Store(new RevokedRefreshTokenFamily { Id = family, UserId = userId, RevokedAt = now });
        foreach (var unfamiliar in live.Where(r => r.FamilyId == Guid.Empty))
        {
            unfamiliar.RedeemedAt = now;
            session.Store(unfamiliar);
        }
        await session.SaveChangesAsync(cancellationToken);
    }
}
