namespace CleanRag.Infrastructure.Identity;

/// <summary>
/// Dashboard authentication. By default CleanRag is its own token issuer (signing with
/// <see cref="SigningKey"/>); set <see cref="Authority"/> to validate tokens of any OIDC provider instead.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "cleanrag";
    public string Audience { get; set; } = "cleanrag-api";

    /// <summary>HMAC-SHA256 key (at least 32 bytes, base64). When empty, one is generated and kept in the data directory.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>External OIDC authority (e.g. https://login.example.com/realm); null uses the built-in issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>Public base URL of the API, shown by GET /config.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The <c>Auth:Lockout</c> section.</summary>
    public LoginLockoutOptions Lockout { get; set; } = new();
}
