using System.Diagnostics;
using System.Globalization;
using System.Text;
using CleanRag.Application.Webhooks;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Makes one signed POST of a delivery through the "webhooks" HTTP client (SSRF-guarded connections, no proxy, no
/// redirects, <c>Webhooks:Timeout</c>). Never throws for the receiver's faults: they are the attempt's result.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttemptResult> SendAsync(string url, WebhookDelivery delivery, string secret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var deliveryId = delivery.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CleanRag-Event", delivery.EventType);
        request.Headers.Add("X-CleanRag-Delivery", deliveryId);
        request.Headers.Add("X-CleanRag-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CleanRag-Signature", WebhookSignature.OverBody(secret, delivery.Body));
        // Standard Webhooks: the id is the delivery's (the same on every retry, so receivers deduplicate on it).
        request.Headers.Add("webhook-id", deliveryId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Standard(secret, deliveryId, DateTimeOffset.FromUnixTimeSeconds(timestamp), delivery.Body));
        request.Headers.UserAgent.ParseAdd("CleanRag-Webhooks/1.0");

        var client = clients.CreateClient(ClientName);
        var started = Stopwatch.GetTimestamp();
        long Elapsed() => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookAttemptResult(status, Elapsed(), response.IsSuccessStatusCode ? null : $"The receiver answered {status}.");
        }
        catch (HttpRequestException failure) when (FindUnsafeTarget(failure) is { } unsafeTarget)
        {
            return new WebhookAttemptResult(null, Elapsed(), $"Refused to connect: {unsafeTarget.Message}");
        }
        catch (HttpRequestException failure)
        {
            return new WebhookAttemptResult(null, Elapsed(), $"Connection failed: {failure.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(null, Elapsed(), $"No response within {client.Timeout.TotalSeconds:0.#} s.");
        }
    }

    private static UnsafeWebhookTargetException? FindUnsafeTarget(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is UnsafeWebhookTargetException match)
                return match;
        }
        return null;
    }
}
