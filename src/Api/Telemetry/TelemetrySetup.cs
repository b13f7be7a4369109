using CleanRag.Application.Common.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;

namespace CleanRag.Api.Telemetry;

/// <summary>
/// Traces (ASP.NET Core, HttpClient, Npgsql, MassTransit, Microsoft.Extensions.AI and the service's own spans) and meters
/// (HTTP, the bus and <see cref="CleanRagMetrics"/>). Metrics are always scraped at <c>/metrics</c>; with
/// <c>Telemetry:Otlp:Endpoint</c> set, traces and metrics are also pushed to that OpenTelemetry collector.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The ActivitySource Microsoft.Extensions.AI's OpenTelemetry clients report under.</summary>
    private const string AiSource = "Experimental.Microsoft.Extensions.AI";

    private const string RuntimeMeter = "System.Runtime";

    public static void AddCleanRagTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cleanrag-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                // System.Runtime: .NET's own meters (GC, allocated bytes, CPU time, thread pool), for capacity planning.
                .AddMeter("MassTransit", CleanRagMetrics.Name, AiSource, RuntimeMeter)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit", CleanRagMetrics.Name, AiSource));

        if (configuration["Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint)
        {
            var protocol = configuration["Telemetry:Otlp:Protocol"]?.ToLowerInvariant() switch
            {
                null or "" or "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
                var other => throw new InvalidOperationException($"Telemetry:Otlp:Protocol '{other}' is not known: use grpc or http/protobuf."),
            };
            telemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }
    }

    /// <summary>Console logs as text, or as one JSON object per line with <c>Logging:Format=json</c> (for a log shipper).</summary>
    public static LoggerConfiguration WriteToConsole(this LoggerConfiguration logger, IConfiguration configuration) =>
        configuration["Logging:Format"]?.ToLowerInvariant() switch
        {
            "json" => logger.WriteTo.Console(new RenderedCompactJsonFormatter()),
            null or "" or "text" => logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            var other => throw new InvalidOperationException($"Logging:Format '{other}' is not known: use text or json."),
        };
}
