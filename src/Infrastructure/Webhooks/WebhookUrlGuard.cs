using System.Net;
using System.Net.Sockets;
using CleanRag.Application.Webhooks;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Server-side request forgery guard. A webhook host must resolve only to public unicast addresses (not loopback,
/// private, shared, link-local — which includes cloud metadata 169.254.169.254 — unique-local such as
/// fd00:ec2::254, unspecified, multicast or reserved), unless it is on <c>Webhooks:AllowedHosts</c>. It checks at
/// subscribe time, and again on every connection: <see cref="ConnectAsync"/> is the delivery client's connect
/// callback, so the socket connects to exactly the addresses just checked (a DNS answer that changed after
/// subscribing, or rebinding between check and connect, cannot slip through).
/// </summary>
public sealed class WebhookUrlGuard(WebhookOptions options) : IWebhookUrlGuard
{
    private readonly HashSet<string> _allowedHosts = new(options.AllowedHosts.Select(Bare), StringComparer.OrdinalIgnoreCase);

    public bool AllowsHttp => options.AllowHttp;

    public async Task<string?> FindUnsafeTargetAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            await ResolveSafeAddressesAsync(url.IdnHost, cancellationToken);
            return null;
        }
        catch (UnsafeWebhookTargetException unsafeTarget)
        {
            return unsafeTarget.Message;
        }
    }

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: connects only to checked addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveSafeAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The host's addresses, all of them safe to call; otherwise <see cref="UnsafeWebhookTargetException"/>.</summary>
    public async Task<IPAddress[]> ResolveSafeAddressesAsync(string host, CancellationToken cancellationToken)
    {
        host = Bare(host);
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                throw new UnsafeWebhookTargetException($"{host} could not be resolved.");
            }
        }

        if (addresses.Length == 0)
            throw new UnsafeWebhookTargetException($"{host} could not be resolved.");
        if (_allowedHosts.Contains(host))
            return addresses;
        foreach (var address in addresses)
        {
            if (DescribeNonPublic(address) is { } kind)
                throw new UnsafeWebhookTargetException($"{host} resolves to {address}, {kind}.");
        }
        return addresses;
    }

    /// <summary>Null for a public unicast address; otherwise what kind of address it is.</summary>
    public static string? DescribeNonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return b switch
            {
                [169, 254, 169, 254] => "a cloud metadata address",
                [0, ..] => "an unspecified address",
                [127, ..] => "a loopback address",
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "a private address",
                [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
                [169, 254, ..] => "a link-local address",
                [192, 0, 0, _] or [198, 18 or 19, ..] => "a reserved address",
                [>= 224 and <= 239, ..] => "a multicast address",
                [>= 240, ..] => "a reserved address",
                _ => null,
            };
        }

        if (address.Equals(IPAddress.IPv6Any))
            return "an unspecified address";
        if (address.Equals(IPAddress.IPv6Loopback))
            return "a loopback address";
        if (address.Equals(MetadataV6))
            return "a cloud metadata address";
        if (address.IsIPv6Multicast)
            return "a multicast address";
        if (address.IsIPv6LinkLocal)
            return "a link-local address";
        if (address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC)
            return "a private (unique-local) address";
        // Addresses that embed an IPv4 address (NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by it.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
            return DescribeNonPublic(new IPAddress(b[12..16]));
        if (b is [0x20, 0x02, ..])
            return DescribeNonPublic(new IPAddress(b[2..6]));
        return null;
    }

    private static readonly IPAddress MetadataV6 = IPAddress.Parse("fd00:ec2::254");

    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']');
}

/// <summary>A webhook target resolves to an address CleanRag refuses to call.</summary>
public sealed class UnsafeWebhookTargetException(string message) : Exception(message);
