namespace CleanRag.Application.Common.Interfaces;

/// <summary>Password-reset tokens, stored by their hash only, each redeemable once before it expires.</summary>
public interface IPasswordResetTokens
{
    /// <summary>A new token for the user, valid for <paramref name="lifetime"/>.</summary>
    Task<string> IssueAsync(Guid userId, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>When the user's newest token was issued; null when they have none.</summary>
    Task<DateTimeOffset?> LastIssuedAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// The user the token was issued to, spending it and every other token of that user; null when it is unknown, expired or
    /// already spent. Of concurrent redemptions of one token at most one succeeds.
    /// </summary>
    Task<Guid?> RedeemAsync(string token, CancellationToken cancellationToken);
}
