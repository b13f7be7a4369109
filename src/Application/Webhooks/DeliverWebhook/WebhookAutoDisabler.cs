using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Webhooks;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Webhooks.DeliverWebhook;

/// <summary>
/// The decision after a delivery has failed for good: a webhook whose latest N finished deliveries (since it was last
/// enabled) all failed is disabled. Claiming a delivery, POSTing it and recording the attempt stay with the delivery
/// consumer in Infrastructure; it calls this in a scope of the delivery's tenant.
/// </summary>
public sealed partial class WebhookAutoDisabler(
    IReadStore reads, IAggregateStore aggregates, IUnitOfWork unitOfWork, TimeProvider clock, ILogger<WebhookAutoDisabler> logger)
{
    /// <returns>Whether this call disabled the webhook.</returns>
    public Task<bool> DisableWhenFailingAsync(Guid webhookId, int consecutiveFailures, CancellationToken cancellationToken)
    {
        if (consecutiveFailures <= 0)
            return Task.FromResult(false); // auto-disabling is switched off
        // Changed meanwhile (another failure disabled it, an admin edited it): decided again from the stored state.
        return ConcurrencyRetry.RunAsync(_ => DecideAsync(webhookId, consecutiveFailures, cancellationToken), unitOfWork.Reset, cancellationToken);
    }

    private async Task<bool> DecideAsync(Guid webhookId, int threshold, CancellationToken cancellationToken)
    {
        var webhook = await reads.LoadAsync<WebhookDetails>(webhookId, cancellationToken);
        if (webhook is not { Active: true, Deleted: false })
            return false;
        var latest = await reads.ListAsync<WebhookDelivery>(deliveries => deliveries
            .Where(d => d.WebhookId == webhookId && d.CompletedAt != null && d.CompletedAt >= webhook.FailuresCountSince)
            .OrderByDescending(d => d.CompletedAt)
            .Take(threshold), cancellationToken);
        if (latest.Count < threshold || latest.Any(d => d.Status != WebhookDeliveryStatus.Failed))
            return false;

        var subscription = await aggregates.LoadForUpdateAsync<WebhookSubscription>(webhookId, cancellationToken);
        if (subscription is not { Active: true, IsDeleted: false })
            return false;
        aggregates.Append(subscription, subscription.Disable(WebhookDisableReason.ConsecutiveFailures, clock.GetUtcNow()));
        await unitOfWork.CommitAsync(cancellationToken);
        LogAutoDisabled(webhookId, threshold);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled: its last {Count} deliveries failed")]
    private partial void LogAutoDisabled(Guid webhookId, int count);
}
