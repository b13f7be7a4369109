using System.Net;
using CleanRag.Infrastructure.Webhooks;

namespace CleanRag.Infrastructure.Tests.Webhooks;

public class WebhookUrlGuardTests
{
    // One address per special-purpose block (first, inner and last addresses where the edge matters).
    [TestCase("0.0.0.0", "a 'this network' address")]
    [TestCase("0.255.255.255", "a 'this network' address")]
    [TestCase("10.0.0.1", "a private address")]
    [TestCase("100.64.0.1", "a shared (carrier-grade NAT) address")]
    [TestCase("100.127.255.254", "a shared (carrier-grade NAT) address")]
    [TestCase("127.0.0.1", "a loopback address")]
    [TestCase("127.255.0.9", "a loopback address")]
    [TestCase("169.254.1.1", "a link-local address")]
    [TestCase("169.254.169.254", "a cloud metadata address")]
    [TestCase("172.16.0.1", "a private address")]
    [TestCase("172.31.255.254", "a private address")]
    [TestCase("192.0.0.9", "an IETF protocol assignment address")]
    [TestCase("192.0.2.10", "a documentation address")]
    [TestCase("192.31.196.1", "an AS112 DNS sink address")]
    [TestCase("192.52.193.1", "an AMT relay address")]
    [TestCase("192.88.99.1", "a 6to4 relay anycast address")]
    [TestCase("192.168.0.1", "a private address")]
    [TestCase("192.175.48.1", "an AS112 DNS sink address")]
    [TestCase("198.18.0.1", "a benchmarking address")]
    [TestCase("198.19.255.254", "a benchmarking address")]
    [TestCase("198.51.100.7", "a documentation address")]
    [TestCase("203.0.113.200", "a documentation address")]
    [TestCase("224.0.0.251", "a multicast address")]
    [TestCase("239.255.255.250", "a multicast address")]
    [TestCase("240.0.0.1", "a reserved address")]
    [TestCase("255.255.255.254", "a reserved address")]
    [TestCase("255.255.255.255", "the broadcast address")]
    [TestCase("::", "an unspecified address")]
    [TestCase("::1", "a loopback address")]
    [TestCase("::127.0.0.1", "an IPv4-compatible address")]
    [TestCase("::8.8.8.8", "an IPv4-compatible address")]
    [TestCase("::ffff:127.0.0.1", "a loopback address")]
    [TestCase("::ffff:169.254.169.254", "a cloud metadata address")]
    [TestCase("64:ff9b::a00:1", "a private address")]
    [TestCase("64:ff9b::c000:20a", "a documentation address")]
    [TestCase("64:ff9b:1::1", "a local-use translation address")]
    [TestCase("100::1", "a discard-only address")]
    [TestCase("100:0:0:1::1", "a dummy address")]
    [TestCase("2001::1", "an IETF protocol assignment address")] // Teredo
    [TestCase("2001:2::1", "an IETF protocol assignment address")] // benchmarking
    [TestCase("2001:20::1", "an IETF protocol assignment address")] // ORCHIDv2
    [TestCase("2001:1ff:ffff::1", "an IETF protocol assignment address")]
    [TestCase("2001:db8::1", "a documentation address")]
    [TestCase("2002:808:808::1", "a 6to4 address")]
    [TestCase("2002:c0a8:0101::1", "a 6to4 address")]
    [TestCase("2620:4f:8000::1", "an AS112 DNS sink address")]
    [TestCase("3fff::1", "a documentation address")]
    [TestCase("3fff:fff::1", "a documentation address")]
    [TestCase("5f00::1", "a segment routing address")]
    [TestCase("fc00::1", "a private (unique-local) address")]
    [TestCase("fd12:3456::1", "a private (unique-local) address")]
    [TestCase("fd00:ec2::254", "a cloud metadata address")]
    [TestCase("fe80::1", "a link-local address")]
    [TestCase("fec0::1", "a site-local address")]
    [TestCase("ff02::1", "a multicast address")]
    [TestCase("4000::1", "a reserved address")]
    public void Special_purpose_addresses_are_refused_with_their_name(string address, string kind) =>
        SpecialPurposeAddresses.Describe(IPAddress.Parse(address)).Should().Be(kind);

    [TestCase("::1%1", "a loopback address")]
    [TestCase("::1%251", "a loopback address")]
    [TestCase("fe80::1%2", "a link-local address")]
    [TestCase("fd00:ec2::254%3", "a cloud metadata address")]
    public void A_zone_id_does_not_change_the_verdict(string address, string kind) =>
        SpecialPurposeAddresses.Describe(IPAddress.Parse(address)).Should().Be(kind);

    [TestCase("8.8.8.8")]
    [TestCase("93.184.216.34")]
    [TestCase("1.1.1.1")]
    [TestCase("9.255.255.255")]
    [TestCase("11.0.0.1")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.1")]
    [TestCase("172.32.0.1")]
    [TestCase("192.0.3.1")]
    [TestCase("192.169.0.1")]
    [TestCase("198.20.0.1")]
    [TestCase("198.51.101.1")]
    [TestCase("203.0.114.1")]
    [TestCase("223.255.255.254")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("2001:200::1")]
    [TestCase("2001:db9::1")]
    [TestCase("2a00:1450:4001::1")]
    [TestCase("::ffff:8.8.4.4")]
    [TestCase("64:ff9b::808:808")]
    public void Public_addresses_are_accepted(string address) =>
        SpecialPurposeAddresses.Describe(IPAddress.Parse(address)).Should().BeNull();

    [TestCase("https://[::1%251]:8443/hooks")]
    [TestCase("https://[fe80::1%25eth0]/hooks")]
    [TestCase("http://[::1%251]:8080/hooks")]
    public async Task Urls_with_a_zone_id_are_refused_even_when_the_address_is_allow_listed(string url)
    {
        var guard = new WebhookUrlGuard(new WebhookOptions { AllowedHosts = ["127.0.0.1", "::1", "fe80::1"] });

        (await guard.FindUnsafeTargetAsync(new Uri(url), CancellationToken.None)).Should().EndWith("carries an IPv6 zone id, which webhook URLs may not use.");
    }

    [TestCase("https://[::127.0.0.1]/", "::127.0.0.1 resolves to ::127.0.0.1, an IPv4-compatible address.")]
    [TestCase("https://192.0.2.10/", "192.0.2.10 resolves to 192.0.2.10, a documentation address.")]
    [TestCase("https://[::ffff:7f00:1]/", "::ffff:127.0.0.1 resolves to ::ffff:127.0.0.1, a loopback address.")]
    public async Task Literal_addresses_are_judged_like_resolved_ones(string url, string reason)
    {
        var guard = new WebhookUrlGuard(new WebhookOptions { AllowedHosts = ["127.0.0.1"] });

        (await guard.FindUnsafeTargetAsync(new Uri(url), CancellationToken.None)).Should().Be(reason);
    }

    [Test]
    public async Task Only_allow_listed_hosts_skip_the_check_even_when_another_name_resolves_to_the_same_address()
    {
        var guard = new WebhookUrlGuard(new WebhookOptions { AllowedHosts = ["127.0.0.1", "192.0.2.10"] });

        (await guard.FindUnsafeTargetAsync(new Uri("http://127.0.0.1:8080/hooks"), CancellationToken.None)).Should().BeNull();
        (await guard.FindUnsafeTargetAsync(new Uri("https://192.0.2.10/hooks"), CancellationToken.None)).Should().BeNull();
        (await guard.FindUnsafeTargetAsync(new Uri("http://localhost:8080/hooks"), CancellationToken.None))
            .Should().StartWith("localhost resolves to").And.EndWith("a loopback address.");
        (await guard.FindUnsafeTargetAsync(new Uri("http://127.0.0.2/hooks"), CancellationToken.None)).Should().Contain("loopback");
        (await guard.FindUnsafeTargetAsync(new Uri("http://[::ffff:127.0.0.1]/hooks"), CancellationToken.None)).Should().Contain("loopback");
        (await guard.FindUnsafeTargetAsync(new Uri("https://no-such-host.invalid/hooks"), CancellationToken.None))
            .Should().Be("no-such-host.invalid could not be resolved.");
    }
}
