using System.Collections.Concurrent;
using CleanRag.Application.Webhooks;
using CleanRag.Infrastructure.Webhooks;
using CleanRag.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Tests.Webhooks;

/// <summary>The delivery client, as configured for production, against a local receiver.</summary>
public class WebhookSenderTests
{
    private WebApplication _receiver = null!;
    private readonly ConcurrentQueue<Dictionary<string, string>> _received = new();
    private int _port;
    private int _ipv6Port;

    [OneTimeSetUp]
    public async Task StartReceiverAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://[::1]:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _receiver = builder.Build();
        _receiver.MapPost("/hooks", (HttpContext context) =>
        {
            _received.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())); // Kestrel reuses the header collection
            return Results.NoContent();
        });
        // A receiver that answers with a redirect to the one above: following it would let an allowed host send deliveries anywhere.
        _receiver.MapPost("/moved", (HttpContext context) =>
            Results.Redirect($"http://127.0.0.1:{context.Connection.LocalPort}/hooks", permanent: false, preserveMethod: true));
        await _receiver.StartAsync();
        var urls = _receiver.Urls.Select(url => new Uri(url)).ToList();
        _port = urls.Single(url => url.Host == "127.0.0.1").Port;
        _ipv6Port = urls.Single(url => url.Host == "[::1]").Port;
    }

    [SetUp]
    public void ForgetEarlierPosts() => _received.Clear();

    [OneTimeTearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    private static WebhookSender Sender()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
            ["Data:Directory"] = TestServices.DataDirectory("webhook-sender"),
        }).Build();
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddLogging();
        services.AddWebhooks(configuration);
        return services.BuildServiceProvider().GetRequiredService<WebhookSender>();
    }

    private static WebhookDelivery Delivery() => new()
    {
        Id = Guid.NewGuid(), EventType = "ping", Body = """{"id":"x","type":"ping"}""",
    };

    [Test]
    public async Task A_host_that_resolves_to_a_private_address_is_refused_when_connecting()
    {
        var result = await Sender().SendAsync($"http://localhost:{_port}/hooks", Delivery(), "whsec_test", CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().BeNull();
        result.Error.Should().StartWith("Refused to connect: localhost resolves to").And.EndWith("a loopback address.");
        _received.Should().BeEmpty("nothing may reach the private address");
    }

    // Targets that never went through the subscribe check (as after a DNS change): the connect callback alone refuses
    // them. Without it each of these would reach the receiver, which listens on 127.0.0.1 and ::1.
    [TestCase("http://[::1%251]:{ipv6Port}/hooks", "::1%251 carries an IPv6 zone id, which webhook URLs may not use.")]
    [TestCase("http://[::ffff:127.0.0.1]:{port}/hooks", "::ffff:127.0.0.1 resolves to ::ffff:127.0.0.1, a loopback address.")]
    [TestCase("http://127.0.0.2:{port}/hooks", "127.0.0.2 resolves to 127.0.0.2, a loopback address.")]
    public async Task Addresses_that_name_loopback_differently_are_refused_when_connecting(string url, string reason)
    {
        url = url.Replace("{ipv6Port}", _ipv6Port.ToString()).Replace("{port}", _port.ToString());

        var result = await Sender().SendAsync(url, Delivery(), "whsec_test", CancellationToken.None);

        result.Error.Should().Be($"Refused to connect: {reason}");
        _received.Should().BeEmpty("nothing may reach loopback");
    }

    [Test]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_attempt()
    {
        var result = await Sender().SendAsync($"http://127.0.0.1:{_port}/moved", Delivery(), "whsec_test", CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().Be(307);
        _received.Should().BeEmpty("the redirect's target must not receive the delivery");
    }

    [Test]
    public async Task An_allow_listed_host_receives_the_signed_post()
    {
        var delivery = Delivery();

        var result = await Sender().SendAsync($"http://127.0.0.1:{_port}/hooks", delivery, "whsec_test", CancellationToken.None);

        result.Should().Match<WebhookAttemptResult>(r => r.Succeeded && r.StatusCode == 204 && r.Error == null);
        var headers = _received.Should().ContainSingle().Subject;
        headers["X-CleanRag-Delivery"].Should().Be(delivery.Id.ToString());
        headers["X-CleanRag-Signature"].Should().Be(WebhookSignature.OverBody("whsec_test", delivery.Body));
        headers["webhook-id"].Should().Be(delivery.Id.ToString());
        headers["webhook-timestamp"].Should().Be(headers["X-CleanRag-Timestamp"]);
        headers["webhook-signature"].Should().Be(WebhookSignature.Standard(
            "whsec_test", delivery.Id.ToString(), DateTimeOffset.FromUnixTimeSeconds(long.Parse(headers["webhook-timestamp"])), delivery.Body));
    }
}
