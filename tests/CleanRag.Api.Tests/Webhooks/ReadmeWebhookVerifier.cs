using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Api.Tests.Webhooks;

// Verbatim the receiver-side check the README ("Webhooks" → "Verifying a delivery") gives customers. The tests
// verify what CleanRag really sends with it, so the documentation and the sender cannot drift apart.
public static class CleanRagWebhook
{
    /// <summary>True when X-CleanRag-Signature is the HMAC-SHA256 of the raw body with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string signatureHeader, string rawBody)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(rawBody)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signatureHeader));
    }
}
