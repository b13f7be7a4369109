using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Webhooks.RotateWebhookSecret;

/// <summary>Replaces the signing secret at once: every attempt from now on, retries included, is signed with the new one.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record RotateWebhookSecretCommand(Guid ProjectId, Guid WebhookId) : ICommand<WebhookView>;
