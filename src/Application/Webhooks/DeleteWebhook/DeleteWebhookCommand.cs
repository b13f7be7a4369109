using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.DeleteWebhook;

/// <summary>Stops all deliveries to the webhook; its pending deliveries fail as abandoned, its history stays.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record DeleteWebhookCommand(Guid ProjectId, Guid WebhookId) : ICommand;
