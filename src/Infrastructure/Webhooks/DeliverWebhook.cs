namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Tells the delivery consumer to attempt a stored delivery now. Only a pointer: the delivery itself lives in
/// PostgreSQL, so a lost or duplicated message is harmless (the sweeper re-dispatches, the claim admits one).
/// </summary>
public sealed record DeliverWebhook(Guid TenantId, Guid DeliveryId, Guid DispatchId);
