using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>
/// Retries what Elasticsearch documents as transient: 429 (rejected by a full queue or a circuit
/// breaker), 502/503/504 (a node or proxy unavailable), connection errors and timed-out attempts.
/// Any other 4xx is the request's own fault, so it is never retried. The client's transport does not
/// retry against a single node, and never on 429 nor with Retry-After, so Polly does it, as a handler
/// under the transport: every attempt is a real HTTP request the transport then reads as one answer.
/// </summary>
internal static class ElasticsearchResilience
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ElasticsearchOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = LongestDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A 429 may say how long to back off; honour it (within reason) instead of guessing.
                DelayGenerator = args =>
                {
                    var retryAfter = args.Outcome.Result?.Headers.RetryAfter?.Delta;
                    return ValueTask.FromResult(retryAfter is { } delay && delay > TimeSpan.Zero
                        ? (TimeSpan?)(delay < LongestDelay ? delay : LongestDelay)
                        : null);
                },
            });
        }

        // Innermost, so the limit applies to each attempt rather than to all retries together.
        builder.AddTimeout(options.RequestTimeout);
        return builder.Build();
    }

    /// <summary>
    /// The transport's own limit, which spans all attempts (it is its HttpClient's timeout): long enough
    /// for every attempt to time out and every back-off to be waited, so only the per-attempt limit bites.
    /// </summary>
    public static TimeSpan OverallTimeout(ElasticsearchOptions options) =>
        (options.RequestTimeout + LongestDelay) * (options.MaxRetryAttempts + 1);

    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}

/// <summary>Sends each request through the retry pipeline; the transport sees only the last attempt's answer.</summary>
internal sealed class RetryingHandler(ResiliencePipeline<HttpResponseMessage> pipeline, HttpMessageHandler network)
    : DelegatingHandler(network)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            // The transport's content is a seekable stream, so every attempt sends the whole body again.
            return await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
        }
        catch (TimeoutRejectedException timeout)
        {
            // The transport reads a timed-out request as HttpClient reports one; it does not know Polly's exception.
            throw new TaskCanceledException(timeout.Message, new TimeoutException(timeout.Message, timeout));
        }
    }
}
