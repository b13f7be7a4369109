using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.CreateWebhook;

/// <summary>Subscribes <paramref name="Url"/> to event types of a project; CleanRag generates the signing secret.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record CreateWebhookCommand(Guid ProjectId, string? Url, IReadOnlyList<string>? Events, bool? Active) : ICommand<WebhookView>;
