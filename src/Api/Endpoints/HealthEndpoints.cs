using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanRag.Api.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthCheckService health, TimeProvider clock, IEmbeddingGenerator<string, Embedding<float>> embedder,
                CancellationToken cancellationToken) =>
            {
                var report = await health.CheckHealthAsync(cancellationToken);
                var healthy = report.Status == HealthStatus.Healthy;
                var body = new HealthResponse(
                    healthy ? "ok" : "unavailable",
                    "cleanrag-api",
                    clock.GetUtcNow(),
                    report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "ok" : "down"),
                    EmbeddingsResponse.Of(embedder));
                return TypedResults.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Health")
            .WithSummary("Service health, with the database and broker checks (503 when one is down) and the embedding model new documents get.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

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
