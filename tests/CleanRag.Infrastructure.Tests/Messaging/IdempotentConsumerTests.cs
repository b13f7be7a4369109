using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Projects;
using CleanRag.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Messaging;

public class IdempotentConsumerTests
{
    [Test]
    public async Task A_redelivered_event_is_handled_once()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var envelope = new DomainEventEnvelope<ProjectRenamed>(
            Guid.NewGuid(), projectId, 2, 42, tenantId, DateTimeOffset.UtcNow, new ProjectRenamed(projectId, "Renamed", null));
        var second = new DomainEventEnvelope<ProjectRenamed>(
            Guid.NewGuid(), projectId, 3, 43, tenantId, DateTimeOffset.UtcNow, new ProjectRenamed(projectId, "Again", null));
        var bus = InfrastructureHost.Host.Services.GetRequiredService<IBus>();

        var store = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>();
        async Task<int> CountAsync()
        {
            await using var session = store.QuerySession(tenantId.ToString());
            return (await session.LoadAsync<RenameCount>(projectId))?.Count ?? 0;
        }

        await bus.Publish(envelope);
        await bus.Publish(envelope); // the same event id again, as after a redelivery
        await Eventually.IsTrueAsync(async () => await CountAsync() >= 1, what: "the first rename counted");
        await bus.Publish(second);   // a different event is still handled
        await Eventually.IsTrueAsync(async () => await CountAsync() >= 2, what: "the second rename counted");

        await Task.Delay(500); // give a wrongly repeated delivery the chance to show up
        (await CountAsync()).Should().Be(2);
    }
}
