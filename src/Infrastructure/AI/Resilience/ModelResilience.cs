using System.ClientModel;
using System.Net;
using CleanRag.Application.Common.Exceptions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CleanRag.Infrastructure.AI.Resilience;

/// <summary>
/// The policy every remote model call goes through, outermost first: total timeout, retry with jittered
/// exponential back-off on transient failures, circuit breaker, attempt timeout. Built once per client so the
/// circuit's state is shared by all its callers.
/// </summary>
/// <remarks>
/// Implemented around the <c>IEmbeddingGenerator</c>/<c>IChatClient</c> calls rather than as an HttpClient
/// handler: the OpenAI SDK (System.ClientModel) and OllamaSharp use different HTTP stacks, and only at this
/// level can a streaming response be retried up to, and not after, its first update.
/// </remarks>
internal sealed class ModelResilience
{
    private readonly ResiliencePipeline _pipeline;
    private readonly string _modelDescription;

    public ModelResilience(ModelResilienceOptions options, string modelDescription)
    {
        _modelDescription = modelDescription;
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        var builder = new ResiliencePipelineBuilder()
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }
        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Runs <paramref name="call"/> under the policy; a failure that outlives it becomes <see cref="UpstreamModelException"/>.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw ToUpstreamFailure(failure);
        }
    }

    /// <summary>A failure seen outside the policy (a stream breaking after its first update).</summary>
    public UpstreamModelException ToUpstreamFailure(Exception failure) => failure switch
    {
        UpstreamModelException upstream => upstream,
        BrokenCircuitException => new UpstreamModelException(
            $"{_modelDescription} failed repeatedly; calls are paused for a while.", failure),
        TimeoutRejectedException => new UpstreamModelException($"{_modelDescription} did not answer in time.", failure),
        _ => new UpstreamModelException($"{_modelDescription} failed: {failure.Message}", failure),
    };

    /// <summary>Worth another try: the server was overloaded, briefly unavailable, or the connection or attempt broke.</summary>
    internal static bool IsTransient(Exception failure) => failure switch
    {
        TimeoutRejectedException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => IsTransient(status),
        // System.ClientModel (OpenAI SDK) reports status 0 when no response arrived.
        ClientResultException { Status: 0 } => true,
        ClientResultException client => IsTransient((HttpStatusCode)client.Status),
        IOException => true,
        _ => failure.InnerException is { } inner && IsTransient(inner),
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
