using System.Collections.Concurrent;
using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.Messaging;
using Marten;
using MassTransit;

namespace CleanRag.Infrastructure.Tests.Messaging;

/// <summary>Records every ProjectCreated integration event that arrives from RabbitMQ.</summary>
public sealed class ProjectCreatedProbe : IConsumer<DomainEventEnvelope<ProjectCreated>>
{
    public static ConcurrentDictionary<Guid, DomainEventEnvelope<ProjectCreated>> Received { get; } = new();

    public Task Consume(ConsumeContext<DomainEventEnvelope<ProjectCreated>> context)
    {
        Received[context.Message.StreamId] = context.Message;
        return Task.CompletedTask;
    }
}

/// <summary>Counts renames per project in the database, through the idempotent consumer base.</summary>
public sealed class ProjectRenamedCounter(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<ProjectRenamed>(store, clock)
{
    protected override async Task HandleAsync(
        DomainEventEnvelope<ProjectRenamed> envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var count = await session.LoadAsync<RenameCount>(envelope.StreamId, cancellationToken)
                    ?? new RenameCount { Id = envelope.StreamId };
        count.Count++;
        session.Store(count);
    }
}

public sealed class RenameCount
{
    public Guid Id { get; set; }
    public int Count { get; set; }
}
