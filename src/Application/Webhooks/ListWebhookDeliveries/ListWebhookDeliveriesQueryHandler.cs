using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesQueryHandler(IReadStore readStore)
    : IQueryHandler<ListWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryView>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryView>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        await readStore.LoadWebhookAsync(query.ProjectId, query.WebhookId, cancellationToken);
        var deliveries = await readStore.ListAsync<WebhookDelivery>(all => all
            .Where(d => d.WebhookId == query.WebhookId)
            .OrderByDescending(d => d.CreatedAt)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize), cancellationToken);
        return deliveries.Select(WebhookDeliveryView.From).ToList();
    }
}
