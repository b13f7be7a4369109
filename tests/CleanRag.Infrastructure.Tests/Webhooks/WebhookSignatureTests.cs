using CleanRag.Application.Webhooks;
using CleanRag.Infrastructure.Webhooks;

namespace CleanRag.Infrastructure.Tests.Webhooks;

public class WebhookSignatureTests
{
    [Test]
    public void The_body_signature_is_the_hex_HMAC_SHA256_of_the_raw_body_keyed_with_the_secret_as_written()
    {
        // RFC 4231-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        WebhookSignature.OverBody("key", "The quick brown fox jumps over the lazy dog")
            .Should().Be("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    [Test]
    public void The_standard_signature_matches_the_Standard_Webhooks_reference_vector()
    {
        // The example of the Standard Webhooks specification (and of Svix's libraries).
        WebhookSignature.Standard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}")
            .Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Test]
    public void A_new_secret_is_standard_base64_of_32_random_bytes_and_an_older_base64url_secret_gives_the_same_key()
    {
        var secret = WebhookSecrets.Generate();
        var key = WebhookSignature.StandardKey(secret);

        key.Should().HaveCount(32);
        Convert.ToBase64String(key).Should().Be(secret["whsec_".Length..]);
        var asBase64Url = "whsec_" + secret["whsec_".Length..].TrimEnd('=').Replace('+', '-').Replace('/', '_');
        WebhookSignature.StandardKey(asBase64Url).Should().Equal(key);
    }
}
