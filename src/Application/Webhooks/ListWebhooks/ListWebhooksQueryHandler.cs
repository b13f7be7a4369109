using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.Webhooks.ListWebhooks;

public sealed class ListWebhooksQueryHandler(IReadStore readStore) : IQueryHandler<ListWebhooksQuery, IReadOnlyList<WebhookView>>
{
    public async ValueTask<IReadOnlyList<WebhookView>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(query.ProjectId, cancellationToken);
        var webhooks = await readStore.ListAsync<WebhookDetails>(
            all => all.Where(w => w.ProjectId == query.ProjectId && !w.Deleted).OrderBy(w => w.CreatedAt), cancellationToken);
        return webhooks.Select(w => WebhookView.From(w, secret: null)).ToList();
    }
}
