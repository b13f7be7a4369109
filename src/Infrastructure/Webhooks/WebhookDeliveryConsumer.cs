using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Webhooks;
using CleanRag.Domain.Webhooks;
using CleanRag.Infrastructure.Persistence;
using Marten;
using Marten.Exceptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using IEventStore = CleanRag.Application.Common.Interfaces.IEventStore;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Attempts one delivery: claims it in PostgreSQL (optimistic concurrency, so duplicate dispatches attempt it once),
/// POSTs it signed with the webhook's current secret, and records the outcome. A failure is scheduled for retry
/// (the sweeper dispatches it when due); after the last attempt the delivery is failed, and when the webhook's
/// latest deliveries have all failed it is disabled.
/// </summary>
public sealed partial class WebhookDeliveryConsumer(
    IDocumentStore store,
    IEventStore eventStore,
    WebhookSender sender,
    IWebhookSecretProtector secrets,
    RetrySchedule schedule,
    WebhookOptions options,
    TimeProvider clock,
    ILogger<WebhookDeliveryConsumer> logger) : IConsumer<DeliverWebhook>
{
    public async Task Consume(ConsumeContext<DeliverWebhook> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var tenant = TenantIds.For(message.TenantId);

        WebhookDelivery delivery;
        WebhookDetails? webhook;
        await using (var claim = store.LightweightSession(tenant))
        {
            var now = clock.GetUtcNow();
            var stored = await claim.LoadAsync<WebhookDelivery>(message.DeliveryId, cancellationToken);
            if (stored is null || !stored.CanBeClaimed(message.DispatchId, now))
                return; // finished, not due yet, or being attempted elsewhere: a stale or duplicate dispatch
            delivery = stored;
            webhook = await claim.LoadAsync<WebhookDetails>(delivery.WebhookId, cancellationToken);
            if (webhook is not { Active: true, Deleted: false })
                delivery.Abandon(webhook is { Deleted: false } ? "The webhook is disabled." : "The webhook was deleted.", now);
            else
                delivery.Claim(now + options.AttemptLease);
            claim.Store(delivery);
            try
            {
                await claim.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyException)
            {
                return; // another consumer claimed it first
            }
        }
        if (delivery.Status != WebhookDeliveryStatus.Pending)
            return;

        var result = await sender.SendAsync(webhook!.Url, delivery, secrets.Unprotect(webhook.ProtectedSecret), cancellationToken);
        delivery.RecordAttempt(result, schedule, clock.GetUtcNow());
        await using (var outcome = store.LightweightSession(tenant))
        {
            // Loaded again for its version: if the attempt lease ran out and another node took over, this save conflicts.
            await outcome.LoadAsync<WebhookDelivery>(delivery.Id, cancellationToken);
            outcome.Store(delivery);
            await outcome.SaveChangesAsync(cancellationToken);
        }

        if (delivery.Status == WebhookDeliveryStatus.Failed)
        {
            LogDeliveryFailed(delivery.Id, delivery.EventType, webhook.Id, delivery.RoundAttempts, delivery.LastError);
            await DisableWhenFailingAsync(message.TenantId, webhook, cancellationToken);
        }
    }

    /// <summary>Disables the webhook when its latest N finished deliveries (since it was last enabled) all failed.</summary>
    private async Task DisableWhenFailingAsync(Guid tenantId, WebhookDetails webhook, CancellationToken cancellationToken)
    {
        var threshold = options.AutoDisableAfterConsecutiveFailures;
        if (threshold <= 0)
            return;
        await using (var query = store.QuerySession(TenantIds.For(tenantId)))
        {
            var latest = await query.Query<WebhookDelivery>()
                .Where(d => d.WebhookId == webhook.Id && d.CompletedAt != null && d.CompletedAt >= webhook.FailuresCountSince)
                .OrderByDescending(d => d.CompletedAt)
                .Take(threshold)
                .Select(d => d.Status)
                .ToListAsync(cancellationToken);
            if (latest.Count < threshold || latest.Any(status => status != WebhookDeliveryStatus.Failed))
                return;
        }

        var events = eventStore.ForTenant(tenantId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var subscription = await events.LoadAsync<WebhookSubscription>(webhook.Id, cancellationToken);
            if (subscription is not { Active: true, IsDeleted: false })
                return;
            try
            {
                await events.AppendAsync(subscription.Id, subscription.Version,
                    [subscription.Disable(WebhookDisableReason.ConsecutiveFailures, clock.GetUtcNow())], cancellationToken);
                LogAutoDisabled(webhook.Id, threshold);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // changed meanwhile (another failure disabled it, or an admin edited it): look again
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} ({EventType}) to webhook {WebhookId} failed after {Attempts} attempts: {Error}")]
    private partial void LogDeliveryFailed(Guid deliveryId, string eventType, Guid webhookId, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled: its last {Count} deliveries failed")]
    private partial void LogAutoDisabled(Guid webhookId, int count);
}
