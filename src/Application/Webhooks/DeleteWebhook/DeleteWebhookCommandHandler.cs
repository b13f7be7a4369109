using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.DeleteWebhook;

public sealed class DeleteWebhookCommandHandler(IEventStore eventStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await eventStore.LoadWebhookAsync(command.ProjectId, command.WebhookId, cancellationToken);
        await eventStore.AppendAsync(webhook.Id, webhook.Version, [webhook.Delete(context.UserId, clock.GetUtcNow())], cancellationToken);
        return Unit.Value;
    }
}
