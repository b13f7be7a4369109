using System.Net;
using System.Net.Sockets;
using CleanRag.Application.Webhooks;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Server-side request forgery guard. A webhook host must resolve only to public unicast addresses — none in
/// <see cref="SpecialPurposeAddresses"/> — unless it is on <c>Webhooks:AllowedHosts</c>. It checks at subscribe time,
/// and again on every connection: <see cref="ConnectAsync"/> is the delivery client's connect callback, so the socket
/// connects to exactly the addresses just checked (a DNS answer that changed after subscribing, or rebinding between
/// check and connect, cannot slip through).
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
        // A zone id ("%eth0", "%1") picks a local network interface: meaningless for a public receiver, and it would
        // make the literal differ from the address it names (and from an allow-listed host).
        if (host.Contains('%'))
            throw new UnsafeWebhookTargetException($"{host} carries an IPv6 zone id, which webhook URLs may not use.");
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
            if (SpecialPurposeAddresses.Describe(address) is { } kind)
                throw new UnsafeWebhookTargetException($"{host} resolves to {address}, {kind}.");
        }
        return addresses;
    }

    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']');
}

/// <summary>A webhook target resolves to an address CleanRag refuses to call.</summary>
public sealed class UnsafeWebhookTargetException(string message) : Exception(message);
