using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Webhooks;

namespace CleanRag.Application.Webhooks;

internal static class WebhookGuards
{
    /// <summary>The webhook's read model, only if it belongs to the project and is not deleted.</summary>
    public static async Task<WebhookDetails> LoadWebhookAsync(this IReadStore readStore, Guid projectId, Guid webhookId, CancellationToken cancellationToken)
    {
        var webhook = await readStore.LoadAsync<WebhookDetails>(webhookId, cancellationToken);
        return webhook is not null && webhook.ProjectId == projectId && !webhook.Deleted ? webhook : throw new NotFoundException("Webhook");
    }

    /// <summary>The webhook aggregate, only if it belongs to the project and is not deleted.</summary>
    public static async Task<WebhookSubscription> LoadWebhookForUpdateAsync(this IAggregateStore aggregates, Guid projectId, Guid webhookId, CancellationToken cancellationToken)
    {
        var webhook = await aggregates.LoadForUpdateAsync<WebhookSubscription>(webhookId, cancellationToken);
        return webhook is not null && webhook.ProjectId == projectId && !webhook.IsDeleted ? webhook : throw new NotFoundException("Webhook");
    }

    /// <summary>Refuses URLs whose host resolves to an address CleanRag must not call.</summary>
    public static async Task EnsureSafeAsync(this IWebhookUrlGuard guard, string url, CancellationToken cancellationToken)
    {
        if (await guard.FindUnsafeTargetAsync(new Uri(url.Trim()), cancellationToken) is { } reason)
            throw new UnsafeUrlException(reason);
    }

    public static async Task<WebhookView> ViewWithSecretAsync(
        this IReadStore readStore, IWebhookSecretProtector secrets, Guid webhookId, CancellationToken cancellationToken)
    {
        var webhook = await readStore.LoadAsync<WebhookDetails>(webhookId, cancellationToken) ?? throw new NotFoundException("Webhook");
        return WebhookView.From(webhook, secrets.Unprotect(webhook.ProtectedSecret));
    }
}
