using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// The two signatures every delivery carries, both HMAC-SHA256 with the webhook's secret:
/// <list type="bullet">
/// <item><c>X-CleanRag-Signature: sha256=hex(HMAC(secret as UTF-8, raw body))</c> — the seed's scheme, which a receiver
/// checks with one line; it does not protect against replays.</item>
/// <item>Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,base64(HMAC(key,
/// "{id}.{timestamp}.{body}"))</c>, key = the base64 part of the secret decoded) — signs the time as well, so receivers
/// using a Standard Webhooks library also refuse old or replayed deliveries.</item>
/// </list>
/// </summary>
public static class WebhookSignature
{
    private const string SecretPrefix = "whsec_";

    public static string OverBody(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static string Standard(string secret, string messageId, DateTimeOffset timestamp, string body) =>
        new StandardWebhook(StandardKey(secret)).Sign(messageId, timestamp, body);

    /// <summary>
    /// The Standard Webhooks key of a secret: its base64 part decoded. Secrets issued before Standard Webhooks were
    /// supported are base64url, so both alphabets are accepted (a receiver converts such a secret with
    /// <c>-</c>→<c>+</c>, <c>_</c>→<c>/</c> and <c>=</c> padding before giving it to its library).
    /// </summary>
    public static byte[] StandardKey(string secret)
    {
        var encoded = (secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret)
            .TrimEnd('=').Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(encoded.PadRight(encoded.Length + (4 - encoded.Length % 4) % 4, '='));
    }
}
