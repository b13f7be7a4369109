using System.Net;
using CleanRag.Infrastructure.Webhooks;

namespace CleanRag.Infrastructure.Tests.Webhooks;

public class WebhookUrlGuardTests
{
    [TestCase("127.0.0.1", "a loopback address")]
    [TestCase("127.255.0.9", "a loopback address")]
    [TestCase("::1", "a loopback address")]
    [TestCase("::ffff:127.0.0.1", "a loopback address")]
    [TestCase("10.0.0.1", "a private address")]
    [TestCase("172.16.0.1", "a private address")]
    [TestCase("172.31.255.254", "a private address")]
    [TestCase("192.168.0.1", "a private address")]
    [TestCase("fc00::1", "a private (unique-local) address")]
    [TestCase("fd12:3456::1", "a private (unique-local) address")]
    [TestCase("169.254.1.1", "a link-local address")]
    [TestCase("fe80::1", "a link-local address")]
    [TestCase("169.254.169.254", "a cloud metadata address")]
    [TestCase("fd00:ec2::254", "a cloud metadata address")]
    [TestCase("0.0.0.0", "an unspecified address")]
    [TestCase("::", "an unspecified address")]
    [TestCase("224.0.0.251", "a multicast address")]
    [TestCase("ff02::1", "a multicast address")]
    [TestCase("255.255.255.255", "a reserved address")]
    [TestCase("100.64.0.1", "a shared (carrier-grade NAT) address")]
    [TestCase("64:ff9b::a00:1", "a private address")]
    [TestCase("2002:c0a8:0101::1", "a private address")]
    public void Non_public_addresses_are_refused(string address, string kind) =>
        WebhookUrlGuard.DescribeNonPublic(IPAddress.Parse(address)).Should().Be(kind);

    [TestCase("8.8.8.8")]
    [TestCase("93.184.216.34")]
    [TestCase("172.32.0.1")]
    [TestCase("192.169.0.1")]
    [TestCase("100.128.0.1")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("::ffff:8.8.4.4")]
    public void Public_addresses_are_accepted(string address) =>
        WebhookUrlGuard.DescribeNonPublic(IPAddress.Parse(address)).Should().BeNull();

    [Test]
    public async Task Only_allow_listed_hosts_skip_the_check_even_when_another_name_resolves_to_the_same_address()
    {
        var guard = new WebhookUrlGuard(new WebhookOptions { AllowedHosts = ["127.0.0.1"] });

        (await guard.FindUnsafeTargetAsync(new Uri("http://127.0.0.1:8080/hooks"), CancellationToken.None)).Should().BeNull();
        (await guard.FindUnsafeTargetAsync(new Uri("http://localhost:8080/hooks"), CancellationToken.None))
            .Should().StartWith("localhost resolves to").And.EndWith("a loopback address.");
        (await guard.FindUnsafeTargetAsync(new Uri("http://127.0.0.2/hooks"), CancellationToken.None)).Should().Contain("loopback");
        (await guard.FindUnsafeTargetAsync(new Uri("https://no-such-host.invalid/hooks"), CancellationToken.None))
            .Should().Be("no-such-host.invalid could not be resolved.");
    }
}
