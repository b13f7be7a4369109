namespace CleanRag.Application.Webhooks;

/// <summary>One line of a webhook's delivery log.</summary>
public sealed record WebhookDeliveryView(
    Guid Id, Guid EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, long? LastLatencyMs,
    string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    string Payload)
{
    public static WebhookDeliveryView From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastLatencyMs, d.LastError, d.LastAttemptAt,
            d.NextAttemptAt, d.CreatedAt, d.CompletedAt, d.Body);
}
