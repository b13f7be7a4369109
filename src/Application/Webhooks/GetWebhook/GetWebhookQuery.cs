using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.GetWebhook;

[Authorize(CompanyRole.Admin)]
public sealed record GetWebhookQuery(Guid ProjectId, Guid WebhookId) : IQuery<WebhookView>;
