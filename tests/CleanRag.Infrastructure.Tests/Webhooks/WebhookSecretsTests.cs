using System.Security.Cryptography;
using CleanRag.Application.Webhooks;
using CleanRag.Infrastructure.Webhooks;

namespace CleanRag.Infrastructure.Tests.Webhooks;

public class WebhookSecretsTests
{
    private static readonly AesGcmWebhookSecretProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void Secrets_are_random_and_stored_only_encrypted()
    {
        var secret = WebhookSecrets.Generate();
        var again = WebhookSecrets.Generate();

        secret.Should().StartWith("whsec_").And.NotBe(again);
        var stored = Protector.Protect(secret);
        stored.Should().NotContain(secret["whsec_".Length..]).And.NotBe(Protector.Protect(secret), "each encryption uses a new nonce");
        Protector.Unprotect(stored).Should().Be(secret);
    }

    [Test]
    public void A_tampered_or_foreign_secret_is_rejected()
    {
        var stored = Protector.Protect(WebhookSecrets.Generate());
        var bytes = Convert.FromBase64String(stored["v1.".Length..]);
        bytes[^1] ^= 1;

        Protector.Invoking(p => p.Unprotect("v1." + Convert.ToBase64String(bytes))).Should().Throw<CryptographicException>();
        new AesGcmWebhookSecretProtector(RandomNumberGenerator.GetBytes(32)).Invoking(p => p.Unprotect(stored))
            .Should().Throw<CryptographicException>();
    }
}
