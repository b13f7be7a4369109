namespace CleanRag.Application.Webhooks.FanOut;

/// <summary>
/// Deliveries created by a reaction: stored with the reaction's unit of work (so they commit together with its
/// "processed" marker, or not at all) and dispatched only once that commit succeeded. A dispatch lost after the
/// commit is picked up by the sweeper when its lease runs out.
/// </summary>
public interface IWebhookDeliveryOutbox
{
    void Add(WebhookDelivery delivery);
}
