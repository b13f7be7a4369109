using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.RedeliverWebhook;

public sealed class RedeliverWebhookCommandHandler(IReadStore readStore, IWebhookDeliveryQueue queue)
    : ICommandHandler<RedeliverWebhookCommand, WebhookDeliveryView>
{
    public async ValueTask<WebhookDeliveryView> Handle(RedeliverWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await readStore.LoadWebhookAsync(command.ProjectId, command.WebhookId, cancellationToken);
        var delivery = await readStore.LoadAsync<WebhookDelivery>(command.DeliveryId, cancellationToken);
        if (delivery is null || delivery.WebhookId != webhook.Id)
            throw new NotFoundException("Webhook delivery");
        if (!webhook.Active)
            throw new ConflictException("webhook_inactive", "The webhook is disabled; enable it first.");
        if (delivery.Status == WebhookDeliveryStatus.Pending)
            throw new ConflictException("delivery_pending", "The delivery is still being attempted.");

        return WebhookDeliveryView.From(await queue.RedeliverAsync(delivery, cancellationToken));
    }
}
