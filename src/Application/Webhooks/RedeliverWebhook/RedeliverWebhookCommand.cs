using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.RedeliverWebhook;

/// <summary>Sends a finished (delivered or failed) delivery again: same delivery id and body, a fresh round of attempts.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record RedeliverWebhookCommand(Guid ProjectId, Guid WebhookId, Guid DeliveryId) : ICommand<WebhookDeliveryView>;
