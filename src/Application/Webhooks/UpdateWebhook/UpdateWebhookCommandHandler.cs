using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Webhooks;
using Mediator;

namespace CleanRag.Application.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IWebhookUrlGuard guard, IWebhookSecretProtector secrets, TimeProvider clock)
    : ICommandHandler<UpdateWebhookCommand, WebhookView>
{
    public async ValueTask<WebhookView> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await aggregates.LoadWebhookForUpdateAsync(command.ProjectId, command.WebhookId, cancellationToken);
        if (command.Url is not null)
            await guard.EnsureSafeAsync(command.Url, cancellationToken);

        if (command.Url is not null || command.Events is not null)
            aggregates.Append(webhook, webhook.Change(command.Url ?? webhook.Url, command.Events ?? webhook.Events));
        if (command.Active is true && !webhook.Active)
            aggregates.Append(webhook, webhook.Enable(clock.GetUtcNow()));
        if (command.Active is false && webhook.Active)
            aggregates.Append(webhook, webhook.Disable(WebhookDisableReason.Admin, clock.GetUtcNow()));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.ViewWithSecretAsync(secrets, webhook.Id, cancellationToken);
    }
}
