using System.Security.Cryptography;

namespace CleanRag.Application.Webhooks;

/// <summary>
/// Signing secrets: "whsec_" and 32 bytes from the CSPRNG in standard base64, the form Standard Webhooks libraries
/// take as it is (secrets issued earlier are base64url; the signer accepts both).
/// </summary>
public static class WebhookSecrets
{
    public static string Generate() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
