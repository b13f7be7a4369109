using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>
/// Retries what Elasticsearch documents as transient: 429 (rejected by a full queue or a circuit
/// breaker), 502/503/504 (a node or proxy unavailable), connection errors and timed-out attempts.
/// Any other 4xx is the request's own fault, so it is never retried.
/// </summary>
internal static class ElasticsearchResilience
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);

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
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A 429 may say how long to back off; honour it (within reason) instead of guessing.
                DelayGenerator = args =>
                {
                    var retryAfter = args.Outcome.Result?.Headers.RetryAfter?.Delta;
                    return ValueTask.FromResult(retryAfter is { } delay && delay > TimeSpan.Zero
                        ? (TimeSpan?)(delay < LongestRetryAfter ? delay : LongestRetryAfter)
                        : null);
                },
            });
        }

        // Innermost, so the limit applies to each attempt rather than to all retries together.
        builder.AddTimeout(options.RequestTimeout);
        return builder.Build();
    }

    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
