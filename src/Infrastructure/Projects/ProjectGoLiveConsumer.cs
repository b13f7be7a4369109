using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;
using MassTransit;
using IEventStore = CleanRag.Application.Common.Interfaces.IEventStore;

namespace CleanRag.Infrastructure.Projects;

/// <summary>
/// A deploying project goes live with its first indexed document. Idempotent by the project's own state:
/// a redelivery or a later document finds it live already and changes nothing.
/// </summary>
public sealed class ProjectGoLiveConsumer(IEventStore eventStore, TimeProvider clock) : IConsumer<DomainEventEnvelope<DocumentIndexed>>
{
    public async Task Consume(ConsumeContext<DomainEventEnvelope<DocumentIndexed>> context)
    {
        var store = eventStore.ForTenant(context.Message.TenantId);
        var project = await store.LoadAsync<Project>(context.Message.Data.ProjectId, context.CancellationToken);
        if (project?.GoLiveOnceIndexed(clock.GetUtcNow()) is { } wentLive)
            await store.AppendAsync(project.Id, project.Version, [wentLive], context.CancellationToken);
    }
}
