using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Webhooks;
using Mediator;

namespace CleanRag.Application.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookCommandHandler(
    IEventStore eventStore, IReadStore readStore, IWebhookUrlGuard guard, IWebhookSecretProtector secrets, TimeProvider clock)
    : ICommandHandler<UpdateWebhookCommand, WebhookView>
{
    public async ValueTask<WebhookView> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await eventStore.LoadWebhookAsync(command.ProjectId, command.WebhookId, cancellationToken);
        if (command.Url is not null)
            await guard.EnsureSafeAsync(command.Url, cancellationToken);

        var changes = new List<IDomainEvent>();
        if (command.Url is not null || command.Events is not null)
            changes.Add(webhook.Change(command.Url ?? webhook.Url, command.Events ?? webhook.Events));
        if (command.Active is true && !webhook.Active)
            changes.Add(webhook.Enable(clock.GetUtcNow()));
        if (command.Active is false && webhook.Active)
            changes.Add(webhook.Disable(WebhookDisableReason.Admin, clock.GetUtcNow()));

        if (changes.Count > 0)
            await eventStore.AppendAsync(webhook.Id, webhook.Version, changes, cancellationToken);
        return await readStore.ViewWithSecretAsync(secrets, webhook.Id, cancellationToken);
    }
}
