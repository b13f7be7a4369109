namespace CleanRag.Application.Webhooks;

/// <summary>Durable hand-over of deliveries to the delivery consumer.</summary>
public interface IWebhookDeliveryQueue
{
    /// <summary>Stores a new delivery in PostgreSQL, then dispatches it; a lost dispatch is picked up again by the sweeper.</summary>
    Task EnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Gives a finished delivery a fresh round of attempts (same id and body); a conflict while it is still pending.</summary>
    Task<WebhookDelivery> RedeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}
