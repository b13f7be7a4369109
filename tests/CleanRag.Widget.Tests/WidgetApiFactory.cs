using CleanRag.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Widget.Tests;

/// <summary>
/// The real API on its own database and vhost (test target <c>widget</c>), served by Kestrel on a free loopback port:
/// a browser needs a real socket, and pages of other origins load <c>/widget.js</c> from it.
/// </summary>
public sealed class WidgetApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Webhooks to the test's receiver on http://127.0.0.1 (as in the API tests), swept often.</summary>
    private static readonly Dictionary<string, string?> WebhookTestSettings = new()
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:SweepInterval"] = "00:00:00.200",
        ["Webhooks:Timeout"] = "00:00:05",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestServices.Configuration("widget").Concat(WebhookTestSettings))
            builder.UseSetting(key, value);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true));
    }
}
