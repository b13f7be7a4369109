using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.SendTestWebhook;

/// <summary>Sends a <c>ping</c> event to the webhook, signed and retried like any other delivery.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record SendTestWebhookCommand(Guid ProjectId, Guid WebhookId) : ICommand<WebhookDeliveryView>;
