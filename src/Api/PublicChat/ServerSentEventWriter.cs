using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace CleanRag.Api.PublicChat;

/// <summary>
/// Writes a text/event-stream response: each event is flushed as it is written (no buffering), and a
/// comment line keeps the connection alive while nothing else was written for a while (proxies and
/// browsers drop idle streams).
/// </summary>
internal sealed class ServerSentEventWriter : IAsyncDisposable
{
    private readonly HttpResponse _response;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stopKeepAlive;
    private readonly Task _keepAlive;
    private long _lastWriteTicks = Environment.TickCount64;

    private ServerSentEventWriter(HttpResponse response, TimeSpan keepAliveInterval)
    {
        _response = response;
        _stopKeepAlive = CancellationTokenSource.CreateLinkedTokenSource(response.HttpContext.RequestAborted);
        _keepAlive = KeepAliveAsync(keepAliveInterval, _stopKeepAlive.Token);
    }

    public static ServerSentEventWriter Start(HttpResponse response, TimeSpan keepAliveInterval)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        return new ServerSentEventWriter(response, keepAliveInterval);
    }

    /// <summary>Writes one event; <paramref name="data"/> must be a single line (JSON is).</summary>
    public Task WriteEventAsync(string eventName, string data, CancellationToken cancellationToken) =>
        WriteAsync($"event: {eventName}\ndata: {data}\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await _response.Body.FlushAsync(cancellationToken);
            Interlocked.Exchange(ref _lastWriteTicks, Environment.TickCount64);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task KeepAliveAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval / 2);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (Environment.TickCount64 - Interlocked.Read(ref _lastWriteTicks) >= (long)interval.TotalMilliseconds)
                    await WriteAsync(": keep-alive\n\n", cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // The client went away; the request's cancellation stops the rest.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopKeepAlive.CancelAsync();
        await _keepAlive;
        _stopKeepAlive.Dispose();
        _writeLock.Dispose();
    }
}
