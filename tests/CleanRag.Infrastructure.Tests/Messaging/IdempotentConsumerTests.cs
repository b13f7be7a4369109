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

        await bus.Publish(envelope);
        await bus.Publish(envelope); // the same event id again, as after a redelivery
        await bus.Publish(second);   // a different event is still handled

        var store = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>();
        await Eventually.IsTrueAsync(async () =>
        {
            await using var session = store.QuerySession(tenantId.ToString());
            return (await session.LoadAsync<RenameCount>(projectId))?.Count >= 2;
        }, what: "both renames counted");

        await Task.Delay(500); // give a wrongly repeated delivery the chance to show up
        await using var check = store.QuerySession(tenantId.ToString());
        (await check.LoadAsync<RenameCount>(projectId))!.Count.Should().Be(2);
    }
}
