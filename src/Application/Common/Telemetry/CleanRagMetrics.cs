using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CleanRag.Application.Common.Telemetry;

/// <summary>
/// The service's own traces and meters (OpenTelemetry names <see cref="Name"/>): what an operator watches besides the HTTP,
/// database and bus instrumentation. Exported through Prometheus (<c>/metrics</c>) and OTLP when configured.
/// </summary>
public static class CleanRagMetrics
{
    public const string Name = "CleanRag";

    public static readonly ActivitySource ActivitySource = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>A chat turn from the request to its recorded outcome (answered, unanswered, escalated, awaiting_human).</summary>
    public static readonly Histogram<double> ChatDuration = Meter.CreateHistogram<double>(
        "cleanrag.chat.duration", "ms", "Time to answer a chat turn, by outcome and channel.");

    public static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>(
        "cleanrag.retrieval.duration", "ms", "Time to retrieve the passages of a question (embedding, hybrid search, rerank).");

    public static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "cleanrag.chat.tokens", "{token}", "Language-model tokens spent on answers, by kind (prompt, completion) and model.");

    public static readonly Histogram<double> IngestionDuration = Meter.CreateHistogram<double>(
        "cleanrag.ingestion.duration", "ms", "Time to extract, chunk, embed and index a document version, by outcome (indexed, failed).");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "cleanrag.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered, retrying, failed).");

    public static readonly Histogram<double> ForwarderLag = Meter.CreateHistogram<double>(
        "cleanrag.forwarder.lag", "ms", "Time from an event's commit to its publication on the bus.");

    /// <summary>Registers the ingestion backlog (documents queued or processing), read by <paramref name="observe"/> at each collection.</summary>
    public static void ObserveIngestionBacklog(Func<long> observe) =>
        Meter.CreateObservableGauge("cleanrag.ingestion.backlog", observe, "{document}", "Documents waiting to be indexed or being indexed.");
}
