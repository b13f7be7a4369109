using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Domain.Webhooks;
using Mediator;

namespace CleanRag.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IWebhookUrlGuard guard, IWebhookSecretProtector secrets, IRequestContext context, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, WebhookView>
{
    public async ValueTask<WebhookView> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(command.ProjectId, cancellationToken);
        await plan.EnsureAllowsAsync(Features.Webhooks, cancellationToken);
        await guard.EnsureSafeAsync(command.Url!, cancellationToken);

        var webhookId = Guid.CreateVersion7();
        var subscribed = WebhookSubscription.Subscribe(webhookId, context.TenantId, command.ProjectId, command.Url!, command.Events!,
            command.Active ?? true, secrets.Protect(WebhookSecrets.Generate()), context.UserId, clock.GetUtcNow());
        aggregates.Start<WebhookSubscription>(webhookId, subscribed);
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.ViewWithSecretAsync(secrets, webhookId, cancellationToken);
    }
}
