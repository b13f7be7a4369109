using System.Collections.Concurrent;
using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.Persistence;
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

/// <summary>
/// A domain event handler that counts renames per project in the database, staged in the reaction's unit of work.
/// A rename to <see cref="FailOnFirstAttempt"/> stages its count and then throws on the first attempt.
/// </summary>
internal sealed class ProjectRenamedCounter(MartenUnitOfWork unitOfWork) : IDomainEventHandler<ProjectRenamed>
{
    public const string FailOnFirstAttempt = "fail on the first attempt";

    /// <summary>How often the handler ran, per event id.</summary>
    public static ConcurrentDictionary<Guid, int> Runs { get; } = new();

    public async Task HandleAsync(DomainEvent<ProjectRenamed> notice, CancellationToken cancellationToken)
    {
        var run = Runs.AddOrUpdate(notice.EventId, 1, (_, runs) => runs + 1);
        var session = unitOfWork.SessionFor(notice.TenantId);
        var count = await session.LoadAsync<RenameCount>(notice.StreamId, cancellationToken) ?? new RenameCount { Id = notice.StreamId };
        count.Count++;
        count.LastCommittedRun = run;
        session.Store(count);
        if (notice.Data.Name == FailOnFirstAttempt && run == 1)
            throw new InvalidOperationException("The first attempt fails after staging its effect.");
    }
}

public sealed class RenameCount
{
    public Guid Id { get; set; }
    public int Count { get; set; }
    public int LastCommittedRun { get; set; }
}

/// <summary>
/// A batching handler that records each rename as a document of its own, staged in the reaction's unit of work (the
/// events of a batch share one session, where a document staged for one event is not read back for the next), and the
/// events of each batch it was given; a rename to <see cref="Poison"/> throws on every attempt.
/// </summary>
internal sealed class ProjectRenamedBatchCounter(MartenUnitOfWork unitOfWork) : IDomainEventBatchHandler<ProjectRenamed>
{
    public const string Poison = "poison";

    /// <summary>The event ids of every batch handled, per project.</summary>
    public static ConcurrentDictionary<Guid, ConcurrentQueue<Guid[]>> Batches { get; } = new();

    public async Task HandleAsync(IReadOnlyList<DomainEvent<ProjectRenamed>> notices, CancellationToken cancellationToken)
    {
        foreach (var project in notices.GroupBy(n => n.StreamId))
            Batches.GetOrAdd(project.Key, _ => new()).Enqueue(project.Select(n => n.EventId).ToArray());
        foreach (var notice in notices)
            await HandleAsync(notice, cancellationToken);
    }

    public Task HandleAsync(DomainEvent<ProjectRenamed> notice, CancellationToken cancellationToken)
    {
        unitOfWork.SessionFor(notice.TenantId).Insert(new RenameRecord { Id = notice.EventId, ProjectId = notice.StreamId });
        if (notice.Data.Name == Poison)
            throw new InvalidOperationException("A poison event fails every attempt, after staging its effect.");
        return Task.CompletedTask;
    }
}

public sealed class RenameRecord
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
}
