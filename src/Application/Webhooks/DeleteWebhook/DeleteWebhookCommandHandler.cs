using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Webhooks.DeleteWebhook;

public sealed class DeleteWebhookCommandHandler(IAggregateStore aggregates, IRequestContext context, TimeProvider clock)
    : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await aggregates.LoadWebhookForUpdateAsync(command.ProjectId, command.WebhookId, cancellationToken);
        aggregates.Append(webhook, webhook.Delete(context.UserId, clock.GetUtcNow()));
        return Unit.Value;
    }
}
