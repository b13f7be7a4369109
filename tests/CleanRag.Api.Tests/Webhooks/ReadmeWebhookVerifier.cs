using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Api.Tests.Webhooks;

// Verbatim the receiver-side check the README ("Webhooks" → "Verifying a delivery") gives customers. The tests
// verify what CleanRag really sends with it, so the documentation and the sender cannot drift apart.
public static class CleanRagWebhook
{
    /// <summary>True when the request was signed by CleanRag with <paramref name="secret"/> less than 5 minutes ago.</summary>
    public static bool Verify(string secret, string timestampHeader, string signatureHeader, string rawBody, DateTimeOffset now)
    {
        if (!long.TryParse(timestampHeader, out var timestamp))
            return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > 300)
            return false; // too old (or from the future): a replay
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{rawBody}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signatureHeader));
    }
}
