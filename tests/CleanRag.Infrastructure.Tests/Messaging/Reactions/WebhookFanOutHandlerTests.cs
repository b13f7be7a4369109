using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Webhooks;
using CleanRag.Application.Webhooks.FanOut;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Webhooks;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Messaging.Reactions;

/// <summary>Webhooks/FanOut: subscribable events become one stored delivery per matching active webhook.</summary>
public class WebhookFanOutHandlerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static void Subscribe(IServiceProvider services, Guid tenantId, Guid projectId, Guid webhookId, string eventType, bool active = true) =>
        services.GetRequiredService<IAggregateStore>().Start<WebhookSubscription>(webhookId, WebhookSubscription.Subscribe(
            webhookId, tenantId, projectId, $"https://hooks.example.com/{webhookId:N}", [eventType], active,
            services.GetRequiredService<IWebhookSecretProtector>().Protect("whsec_test"), Guid.NewGuid(), Now));

    private static async Task<List<WebhookDelivery>> DeliveriesAsync(Guid tenantId, Guid projectId)
    {
        await using var session = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(tenantId.ToString());
        return (await session.Query<WebhookDelivery>().Where(d => d.ProjectId == projectId).ToListAsync()).ToList();
    }

    [Test]
    public async Task A_failed_document_becomes_a_delivery_for_each_active_subscriber_stored_when_the_reaction_commits()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var subscriber = Guid.NewGuid();
        await using (var setUp = InfrastructureHost.ScopeFor(tenantId))
        {
            Subscribe(setUp.ServiceProvider, tenantId, projectId, subscriber, WebhookEventTypes.DocumentFailed);
            Subscribe(setUp.ServiceProvider, tenantId, projectId, Guid.NewGuid(), WebhookEventTypes.DocumentIndexed);
            Subscribe(setUp.ServiceProvider, tenantId, projectId, Guid.NewGuid(), WebhookEventTypes.DocumentFailed, active: false);
            await setUp.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        }
        var documentId = Guid.NewGuid();
        var failed = new DomainEvent<DocumentFailed>(Guid.NewGuid(), documentId, 3, tenantId, Now,
            new DocumentFailed(documentId, projectId, 1, "no_text", "The file contains no text to index.", Now), IsFinalAttempt: false);

        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        await scope.ServiceProvider.GetRequiredService<WebhookFanOutHandler>().HandleAsync(failed, default);
        (await DeliveriesAsync(tenantId, projectId)).Should().BeEmpty("deliveries are staged with the reaction, not written on their own");
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);

        var delivery = (await DeliveriesAsync(tenantId, projectId)).Should().ContainSingle().Subject;
        delivery.WebhookId.Should().Be(subscriber);
        delivery.EventType.Should().Be(WebhookEventTypes.DocumentFailed);
        delivery.Body.Should().Contain("no_text");
        // Leased to the dispatch published after the commit, claimed by its consumer (which keeps a lease), or already
        // attempted by it (which lets the lease go): either way on its way, not waiting for the sweeper.
        (delivery.LeaseUntil is not null || delivery.Attempts > 0 || delivery.CompletedAt is not null).Should().BeTrue(
            "it is leased to the dispatch published after the commit, or that dispatch was already handled");
    }
}
