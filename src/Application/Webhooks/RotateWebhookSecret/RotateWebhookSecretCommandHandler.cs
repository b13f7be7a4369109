using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.RotateWebhookSecret;

public sealed class RotateWebhookSecretCommandHandler(
    IEventStore eventStore, IReadStore readStore, IWebhookSecretProtector secrets, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookView>
{
    public async ValueTask<WebhookView> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var webhook = await eventStore.LoadWebhookAsync(command.ProjectId, command.WebhookId, cancellationToken);
        var rotated = webhook.RotateSecret(secrets.Protect(WebhookSecrets.Generate()), clock.GetUtcNow());
        await eventStore.AppendAsync(webhook.Id, webhook.Version, [rotated], cancellationToken);
        return await readStore.ViewWithSecretAsync(secrets, webhook.Id, cancellationToken);
    }
}
