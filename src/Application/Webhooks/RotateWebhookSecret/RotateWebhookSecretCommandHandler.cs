using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.RotateWebhookSecret;

public sealed class RotateWebhookSecretCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IWebhookSecretProtector secrets, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookView>
{
    public async ValueTask<WebhookView> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var webhook = await aggregates.LoadWebhookForUpdateAsync(command.ProjectId, command.WebhookId, cancellationToken);
        var rotated = webhook.RotateSecret(secrets.Protect(WebhookSecrets.Generate()), clock.GetUtcNow());
        aggregates.Append(webhook, rotated);
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.ViewWithSecretAsync(secrets, webhook.Id, cancellationToken);
    }
}
