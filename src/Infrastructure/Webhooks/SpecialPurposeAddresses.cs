using System.Net;
using System.Net.Sockets;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// The addresses a webhook may not call: every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries
/// (checked against the registries of October 2025), IPv4 multicast, deprecated IPv6 site-local, and any IPv6
/// address outside 2000::/3, the only block IANA hands out for global unicast.
/// </summary>
public static class SpecialPurposeAddresses
{
    /// <param name="Kind">What the address is, as the refusal names it.</param>
    /// <param name="JudgedByEmbeddedIPv4">The block carries an IPv4 address in its last 32 bits and routes to it.</param>
    private sealed record Block(IPNetwork Network, string Kind, bool JudgedByEmbeddedIPv4 = false);

    private const string Private = "a private address";
    private const string Documentation = "a documentation address";
    private const string CloudMetadata = "a cloud metadata address";
    private const string As112 = "an AS112 DNS sink address";

    // The most specific block that contains an address names it (169.254.169.254 is metadata, not just link-local).
    private static readonly Block[] Blocks = new Block[]
    {
        new(IPNetwork.Parse("0.0.0.0/8"), "a 'this network' address"),
        new(IPNetwork.Parse("10.0.0.0/8"), Private),
        new(IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        new(IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        new(IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        new(IPNetwork.Parse("169.254.169.254/32"), CloudMetadata),
        new(IPNetwork.Parse("172.16.0.0/12"), Private),
        new(IPNetwork.Parse("192.0.0.0/24"), "an IETF protocol assignment address"),
        new(IPNetwork.Parse("192.0.2.0/24"), Documentation),
        new(IPNetwork.Parse("192.31.196.0/24"), As112),
        new(IPNetwork.Parse("192.52.193.0/24"), "an AMT relay address"),
        new(IPNetwork.Parse("192.88.99.0/24"), "a 6to4 relay anycast address"),
        new(IPNetwork.Parse("192.168.0.0/16"), Private),
        new(IPNetwork.Parse("192.175.48.0/24"), As112),
        new(IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        new(IPNetwork.Parse("198.51.100.0/24"), Documentation),
        new(IPNetwork.Parse("203.0.113.0/24"), Documentation),
        new(IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        new(IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
        new(IPNetwork.Parse("255.255.255.255/32"), "the broadcast address"),

        new(IPNetwork.Parse("::/128"), "an unspecified address"),
        new(IPNetwork.Parse("::1/128"), "a loopback address"),
        // Deprecated (RFC 4291); systems that still accept it may reach the embedded IPv4 host over a tunnel.
        new(IPNetwork.Parse("::/96"), "an IPv4-compatible address"),
        new(IPNetwork.Parse("::ffff:0:0/96"), "an IPv4-mapped address", JudgedByEmbeddedIPv4: true),
        new(IPNetwork.Parse("64:ff9b::/96"), "a NAT64 address", JudgedByEmbeddedIPv4: true),
        new(IPNetwork.Parse("64:ff9b:1::/48"), "a local-use translation address"),
        new(IPNetwork.Parse("100::/64"), "a discard-only address"),
        new(IPNetwork.Parse("100:0:0:1::/64"), "a dummy address"),
        // Teredo, PCP/TURN anycast, benchmarking, AMT, AS112, ORCHID, drone remote ID: none is a webhook receiver.
        new(IPNetwork.Parse("2001::/23"), "an IETF protocol assignment address"),
        new(IPNetwork.Parse("2001:db8::/32"), Documentation),
        // 6to4 is refused outright rather than judged by its embedded IPv4 address: the route runs through whichever
        // relay (possibly one on our own network) decapsulates it, the mechanism is deprecated (RFC 7526), and a
        // receiver that truly needs it can be allow-listed.
        new(IPNetwork.Parse("2002::/16"), "a 6to4 address"),
        new(IPNetwork.Parse("2620:4f:8000::/48"), As112),
        new(IPNetwork.Parse("3fff::/20"), Documentation),
        new(IPNetwork.Parse("5f00::/16"), "a segment routing address"),
        new(IPNetwork.Parse("fc00::/7"), "a private (unique-local) address"),
        new(IPNetwork.Parse("fd00:ec2::254/128"), CloudMetadata),
        new(IPNetwork.Parse("fe80::/10"), "a link-local address"),
        new(IPNetwork.Parse("fec0::/10"), "a site-local address"),
        new(IPNetwork.Parse("ff00::/8"), "a multicast address"),
    }.OrderByDescending(b => b.Network.PrefixLength).ToArray();

    private static readonly IPNetwork IPv6GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>Null for a public unicast address; otherwise what kind of address it is.</summary>
    public static string? Describe(IPAddress address)
    {
        // Rebuilt from its bytes: an IPv6 zone id (ScopeId) must not change the verdict (::1%1 is loopback too).
        var bytes = address.GetAddressBytes();
        address = new IPAddress(bytes);
        if (Array.Find(Blocks, b => b.Network.Contains(address)) is { } block)
            return block.JudgedByEmbeddedIPv4 ? Describe(new IPAddress(bytes[12..])) : block.Kind;
        return address.AddressFamily == AddressFamily.InterNetworkV6 && !IPv6GlobalUnicast.Contains(address) ? "a reserved address" : null;
    }
}
