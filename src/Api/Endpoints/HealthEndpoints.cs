using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanRag.Api.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Readiness)
            .WithTags("Health")
            .WithSummary("Service health, with the database and broker checks (503 when one is down) and the embedding model new documents get.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/health/ready", Readiness)
            .WithTags("Health")
            .WithSummary("Readiness for a load balancer or orchestrator: 503 while the database or the broker is down, so no traffic is sent " +
                         "to an instance that cannot serve it. The same report as /health.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/health/live", (TimeProvider clock) => TypedResults.Ok(new LivenessResponse("ok", ServiceName, clock.GetUtcNow())))
            .WithTags("Health")
            .WithSummary("Liveness: the process answers. It checks no dependency (a database outage must not get every instance restarted); " +
                         "use /health/ready to route traffic.");
        return app;
    }

    private const string ServiceName = "cleanrag-api";

    private static async Task<JsonHttpResult<HealthResponse>> Readiness(
        HealthCheckService health, TimeProvider clock, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var healthy = report.Status == HealthStatus.Healthy;
        var body = new HealthResponse(
            healthy ? "ok" : "unavailable",
            ServiceName,
            clock.GetUtcNow(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "ok" : "down"),
            EmbeddingsResponse.Of(embedder));
        return TypedResults.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record LivenessResponse(string Status, string Service, DateTimeOffset Timestamp);

    private sealed record HealthResponse(
        string Status, string Service, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string> Checks, EmbeddingsResponse Embeddings);

    /// <summary>Which embedder the service runs, so an evaluation or an operator can tell what the figures are of.</summary>
    private sealed record EmbeddingsResponse(string Provider, string Model)
    {
        public static EmbeddingsResponse Of(IEmbeddingGenerator<string, Embedding<float>> embedder)
        {
            var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
            return new EmbeddingsResponse(metadata?.ProviderName ?? "unknown", metadata?.DefaultModelId ?? "unknown");
        }
    }
}
