using System.Collections.Concurrent;
using System.Text.Json;
using CleanRag.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CleanRag.Api.Tests.Webhooks;

/// <summary>
/// A customer's webhook endpoint: a real Kestrel server on 127.0.0.1 that records every request exactly as it
/// arrived, and answers 500 while told to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _failuresLeft;

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            var status = fail ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            _received.Enqueue(new ReceivedWebhook(
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body, status, DateTimeOffset.UtcNow));
            return Results.StatusCode(status);
        });
    }

    /// <summary>Where to subscribe: http://127.0.0.1:{port}/hooks.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.Single() + "/hooks";
        return receiver;
    }

    /// <summary>Answer 500 to the next <paramref name="count"/> requests.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public void FailAlways() => FailNext(int.MaxValue / 2);

    public void Recover() => FailNext(0);

    /// <summary>Waits until the received requests satisfy <paramref name="condition"/>, then returns them.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(
        Func<IReadOnlyList<ReceivedWebhook>, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() =>
        {
            var received = Received;
            return Task.FromResult(condition(received) ? received : null);
        }, timeout ?? TimeSpan.FromSeconds(60), what);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One request as the receiver saw it, and what it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus, DateTimeOffset ReceivedAt)
{
    public string Event => Headers["X-CleanRag-Event"];

    public Guid DeliveryId => Guid.Parse(Headers["X-CleanRag-Delivery"]);

    public bool Accepted => AnsweredStatus is >= 200 and < 300;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
