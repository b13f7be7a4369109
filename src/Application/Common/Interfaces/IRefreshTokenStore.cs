namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Long-lived refresh tokens, stored hashed, in families: a log-in starts one, and each redemption issues the next
/// token of the same family (rotation). Presenting an already-redeemed token means a copy is in someone else's hands,
/// so it revokes the whole family.
/// </summary>
public interface IRefreshTokenStore
{
    /// <summary>A new token in <paramref name="familyId"/>; a new id starts a family.</summary>
    Task<string> IssueAsync(Guid userId, Guid familyId, CancellationToken cancellationToken);

    /// <summary>
    /// The token's user and family, or null when it is unknown, expired, revoked or already used. Of concurrent
    /// redemptions of one token exactly one succeeds.
    /// </summary>
    Task<RedeemedRefreshToken?> RedeemAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes the family <paramref name="refreshToken"/> belongs to (a log-out); an unknown token does nothing.</summary>
    Task RevokeFamilyAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes every family of the user: all their sessions end (after a password reset).</summary>
    Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record RedeemedRefreshToken(Guid UserId, Guid FamilyId);
