using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CleanRag.Api.Proxy;

/// <summary>
/// Behind a reverse proxy or load balancer the connection comes from the proxy: with <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges) set, X-Forwarded-For, -Proto and -Host from those
/// proxies are honoured, so per-visitor widget limits and log-in throttling see the client's address and links carry the
/// public scheme and host. Headers from anyone else are ignored: a client cannot pick its own address.
/// </summary>
internal static class TrustedProxies
{
    public static bool AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
            return false;
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // Several proxies in a row (a CDN, then a load balancer) each add an address; trust as many as are known.
            options.ForwardLimit = null;
        });
        return true;
    }
}
