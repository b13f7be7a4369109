using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.UpdateWebhook;

/// <summary>Partial update: a new URL or event list, or <paramref name="Active"/> to disable or re-enable (also after an auto-disable).</summary>
[Authorize(CompanyRole.Admin)]
public sealed record UpdateWebhookCommand(Guid ProjectId, Guid WebhookId, string? Url, IReadOnlyList<string>? Events, bool? Active)
    : ICommand<WebhookView>;
