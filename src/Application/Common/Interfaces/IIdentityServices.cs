namespace CleanRag.Application.Common.Interfaces;

/// <summary>Hashes and verifies passwords (a slow, salted algorithm; never reversible).</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string hash, string password);
}

/// <summary>Issues the short-lived signed access tokens of the built-in issuer.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Guid userId, string email, string name);
}

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

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
}

public sealed record RedeemedRefreshToken(Guid UserId, Guid FamilyId);

/// <summary>Registered users and their credentials, which live outside the event stream.</summary>
public interface IUserDirectory
{
    /// <summary>Stores the registration event and the password hash together; a taken email is a conflict.</summary>
    Task RegisterAsync(Domain.Users.UserRegistered registered, string passwordHash, CancellationToken cancellationToken);

    Task<UserCredentials?> FindCredentialsAsync(string email, CancellationToken cancellationToken);
}

public sealed record UserCredentials(Guid UserId, string Email, string Name, string PasswordHash);

/// <summary>Outgoing mail. The default writes to the log and an outbox table (no SMTP server here).</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

public sealed record OutgoingEmail(string To, string Subject, string Body);
