using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.ListWebhooks;

[Authorize(CompanyRole.Admin)]
public sealed record ListWebhooksQuery(Guid ProjectId) : IQuery<IReadOnlyList<WebhookView>>;
