using CleanRag.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace CleanRag.Infrastructure.Identity;

/// <summary>The built-in issuer's signing key: the configured one, or one generated and kept in the data directory.</summary>
public static class SigningKeyProvider
{
    public static SymmetricSecurityKey Resolve(AuthOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
            return new SymmetricSecurityKey(LocalSecrets.GetOrCreate(configuration, "jwt-signing.key"));

        var configured = Convert.FromBase64String(options.SigningKey);
        if (configured.Length < 32)
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        return new SymmetricSecurityKey(configured);
    }
}
