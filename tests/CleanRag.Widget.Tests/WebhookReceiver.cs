using System.Collections.Concurrent;
using System.Text.Json;
using CleanRag.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CleanRag.Widget.Tests;

/// <summary>A customer's webhook endpoint on 127.0.0.1 that records every delivery.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookDelivery> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hooks", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            receiver._received.Enqueue(new WebhookDelivery(context.Request.Headers["X-CleanRag-Event"].ToString(), body.RootElement.Clone()));
            return Results.Ok();
        });
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.Single() + "/hooks";
        return receiver;
    }

    /// <summary>The first delivery of <paramref name="eventType"/>, waited for.</summary>
    public Task<WebhookDelivery> WaitForAsync(string eventType) =>
        Eventually.GetAsync(() => Task.FromResult(_received.FirstOrDefault(r => r.Event == eventType)),
            TimeSpan.FromSeconds(60), $"a {eventType} webhook delivery");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One delivery: the X-CleanRag-Event header and the JSON body.</summary>
public sealed record WebhookDelivery(string Event, JsonElement Body);
