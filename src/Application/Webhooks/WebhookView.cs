using CleanRag.Domain.Webhooks;

namespace CleanRag.Application.Webhooks;

/// <summary>A webhook as admins see it. <see cref="Secret"/> is shown on single-webhook responses, not in lists.</summary>
public sealed record WebhookView(
    Guid Id, Guid ProjectId, string Url, IReadOnlyList<string> Events, bool Active, WebhookDisableReason? DisabledReason, string? Secret,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookView From(WebhookDetails webhook, string? secret) =>
        new(webhook.Id, webhook.ProjectId, webhook.Url, webhook.Events, webhook.Active, webhook.DisabledReason, secret,
            webhook.CreatedAt, webhook.UpdatedAt);
}
