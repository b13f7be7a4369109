using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Application.Common.Security;

/// <summary>One-time secrets (invites, refresh tokens): random, URL-safe, stored only as a SHA-256 hash.</summary>
public static class SecretTokens
{
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
