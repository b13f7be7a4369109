using CleanRag.Application.Common;
using CleanRag.Application.Webhooks;
using CleanRag.Application.Common.Telemetry;
using CleanRag.Application.Webhooks.DeliverWebhook;
using CleanRag.Domain.Webhooks;
using CleanRag.Infrastructure.Persistence;
using Marten;
using Marten.Exceptions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Attempts one delivery: claims it in PostgreSQL (optimistic concurrency, so duplicate dispatches attempt it once),
/// POSTs it signed with the webhook's current secret, and records the outcome. A failure is scheduled for retry
/// (the sweeper dispatches it when due); after the last attempt the delivery is failed, and Application's
/// <see cref="WebhookAutoDisabler"/> decides whether the webhook is disabled. Not a domain event reaction: the
/// <see cref="DeliverWebhook"/> message only points at a stored delivery.
/// </summary>
public sealed partial class WebhookDeliveryConsumer(
    IDocumentStore store,
    IServiceScopeFactory scopes,
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

        CleanRagMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", delivery.Status switch
        {
            WebhookDeliveryStatus.Delivered => "delivered",
            WebhookDeliveryStatus.Failed => "failed",
            _ => "retrying",
        }));
        if (delivery.Status == WebhookDeliveryStatus.Failed)
        {
            LogDeliveryFailed(delivery.Id, delivery.EventType, webhook.Id, delivery.RoundAttempts, delivery.LastError);
            // Whether the webhook is disabled now is Application's decision, taken in a scope of the delivery's tenant.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().Set(message.TenantId, Guid.Empty);
            await scope.ServiceProvider.GetRequiredService<WebhookAutoDisabler>()
                .DisableWhenFailingAsync(webhook.Id, options.AutoDisableAfterConsecutiveFailures, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} ({EventType}) to webhook {WebhookId} failed after {Attempts} attempts: {Error}")]
    private partial void LogDeliveryFailed(Guid deliveryId, string eventType, Guid webhookId, int attempts, string? error);
}
