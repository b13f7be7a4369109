using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using Marten;

namespace CleanRag.Infrastructure.Identity;

/// <summary>A password-reset token, stored by the SHA-256 of its value.</summary>
public sealed class PasswordResetTokenRecord
{
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
}

/// <summary>Reset tokens in PostgreSQL. A redemption spends the token and deletes the user's others.</summary>
internal sealed class MartenPasswordResetTokens(IDocumentStore store, TimeProvider clock) : IPasswordResetTokens
{
    public async Task<string> IssueAsync(Guid userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = SecretTokens.Create();
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        session.Insert(new PasswordResetTokenRecord { Id = SecretTokens.Hash(token), UserId = userId, IssuedAt = now, ExpiresAt = now + lifetime });
        await session.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<DateTimeOffset?> LastIssuedAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var newest = await session.Query<PasswordResetTokenRecord>()
            .Where(r => r.UserId == userId).OrderByDescending(r => r.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        return newest?.IssuedAt;
    }

    public async Task<Guid?> RedeemAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<PasswordResetTokenRecord>(SecretTokens.Hash(token), cancellationToken);
        var now = clock.GetUtcNow();
        if (record is null || record.RedeemedAt is not null || record.ExpiresAt <= now)
            return null;
        record.RedeemedAt = now;
        session.Store(record);
        session.DeleteWhere<PasswordResetTokenRecord>(r => r.UserId == record.UserId && r.Id != record.Id);
        try
        {
            // Optimistic concurrency: of two concurrent redemptions only one commits.
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return null;
        }
        return record.UserId;
    }
}
