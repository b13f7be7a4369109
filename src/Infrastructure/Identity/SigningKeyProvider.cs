using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace CleanRag.Infrastructure.Identity;

/// <summary>
/// The built-in issuer's signing key: the configured one, or one generated once and kept (owner-only)
/// in the data directory so tokens survive restarts of a self-hosted instance.
/// </summary>
public static class SigningKeyProvider
{
    public static SymmetricSecurityKey Resolve(AuthOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            if (configured.Length < 32)
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
            return new SymmetricSecurityKey(configured);
        }

        var directory = configuration["Data:Directory"] is { Length: > 0 } configuredDirectory
            ? configuredDirectory
            : Path.Combine(AppContext.BaseDirectory, ".data");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "jwt-signing.key");
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: false);
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
