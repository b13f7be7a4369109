using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>X-CleanRag-Signature: "sha256=" + hex(HMAC-SHA256(secret, "{unix timestamp}.{raw body}")).</summary>
public static class WebhookSignature
{
    public static string Compute(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
