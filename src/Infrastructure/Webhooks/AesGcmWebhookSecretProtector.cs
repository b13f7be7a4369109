using System.Security.Cryptography;
using System.Text;
using CleanRag.Application.Webhooks;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Keeps signing secrets encrypted (AES-256-GCM) in events and read models, so that audit reads of a stream never
/// reveal one. The key is generated once into the data directory (<c>webhook-secrets.key</c>).
/// Format: "v1." + base64(nonce | tag | ciphertext).
/// </summary>
public sealed class AesGcmWebhookSecretProtector(byte[] key) : IWebhookSecretProtector
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Protect(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    public string Unprotect(string protectedSecret)
    {
        if (!protectedSecret.StartsWith(Prefix, StringComparison.Ordinal))
            throw new CryptographicException("Unknown webhook secret format.");
        var sealedBytes = Convert.FromBase64String(protectedSecret[Prefix.Length..]);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
