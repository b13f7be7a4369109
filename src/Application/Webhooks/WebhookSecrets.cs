using System.Security.Cryptography;

namespace CleanRag.Application.Webhooks;

/// <summary>Signing secrets: "whsec_" and 32 bytes from the CSPRNG, base64url.</summary>
public static class WebhookSecrets
{
    public static string Generate() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
