using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Webhooks;
using Mediator;

namespace CleanRag.Application.Webhooks.SendTestWebhook;

public sealed class SendTestWebhookCommandHandler(IReadStore readStore, IWebhookDeliveryQueue queue, TimeProvider clock)
    : ICommandHandler<SendTestWebhookCommand, WebhookDeliveryView>
{
    public async ValueTask<WebhookDeliveryView> Handle(SendTestWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await readStore.LoadWebhookAsync(command.ProjectId, command.WebhookId, cancellationToken);
        if (!webhook.Active)
            throw new ConflictException("webhook_inactive", "The webhook is disabled; enable it first.");

        var now = clock.GetUtcNow();
        var ping = new WebhookPayload(Guid.CreateVersion7(), WebhookEventTypes.Ping, now, webhook.ProjectId,
            new { webhookId = webhook.Id, events = webhook.Events, message = "CleanRag can reach this endpoint." });
        var delivery = WebhookDelivery.Create(webhook, ping, now);
        await queue.EnqueueAsync(delivery, cancellationToken);
        return WebhookDeliveryView.From(delivery);
    }
}
