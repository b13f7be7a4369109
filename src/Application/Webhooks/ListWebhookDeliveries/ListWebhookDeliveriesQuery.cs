using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.ListWebhookDeliveries;

/// <summary>The webhook's delivery log, newest first.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record ListWebhookDeliveriesQuery(Guid ProjectId, Guid WebhookId, int Page, int PageSize) : IQuery<IReadOnlyList<WebhookDeliveryView>>;
