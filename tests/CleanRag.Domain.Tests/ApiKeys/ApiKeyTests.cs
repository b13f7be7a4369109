using CleanRag.Domain.ApiKeys;
using CleanRag.Domain.Common;

namespace CleanRag.Domain.Tests.ApiKeys;

public class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static ApiKey Issued(out ApiKeyIssued issued)
    {
        issued = ApiKey.Issue(Guid.NewGuid(), Guid.NewGuid(), " Production ", ApiKeyEnvironment.Live,
            "sk_live_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "hash", Guid.NewGuid(), Now);
        var key = new ApiKey();
        key.ApplyEvent(issued);
        return key;
    }

    [Test]
    public void An_issued_key_keeps_only_its_hash_and_a_twelve_character_prefix()
    {
        var key = Issued(out var issued);

        issued.Prefix.Should().Be("sk_live_0123");
        issued.Name.Should().Be("Production");
        key.KeyHash.Should().Be("hash");
        key.IsRevoked.Should().BeFalse();
        typeof(ApiKeyIssued).GetProperties().Select(p => p.Name).Should().NotContain("Key", "the key itself is never part of an event");
    }

    [Test]
    public void A_revoked_key_cannot_be_revoked_again()
    {
        var key = Issued(out _);
        var revoked = key.Revoke("rotated", Guid.NewGuid(), Now);
        key.ApplyEvent(revoked);

        revoked.KeyHash.Should().Be("hash", "the revocation names the hash so the lookup can be removed");
        key.IsRevoked.Should().BeTrue();
        key.Invoking(k => k.Revoke("again", Guid.NewGuid(), Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("key_revoked");
    }
}
