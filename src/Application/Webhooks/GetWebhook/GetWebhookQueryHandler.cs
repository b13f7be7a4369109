using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.GetWebhook;

public sealed class GetWebhookQueryHandler(IReadStore readStore, IWebhookSecretProtector secrets) : IQueryHandler<GetWebhookQuery, WebhookView>
{
    public async ValueTask<WebhookView> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var webhook = await readStore.LoadWebhookAsync(query.ProjectId, query.WebhookId, cancellationToken);
        return WebhookView.From(webhook, secrets.Unprotect(webhook.ProtectedSecret));
    }
}
