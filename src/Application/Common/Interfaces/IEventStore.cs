using CleanRag.Domain.Common;

namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Event-sourced persistence of aggregates, scoped to the caller's tenant (or to the tenant given to
/// <see cref="ForTenant"/>). Each append commits at once, with optimistic concurrency on the stream
/// version (<see cref="Exceptions.ConcurrencyConflictException"/>).
/// </summary>
public interface IEventStore
{
    /// <summary>The same store, scoped to another tenant (e.g. the company being created or joined).</summary>
    IEventStore ForTenant(Guid tenantId);

    /// <summary>Rebuilds the aggregate from its stream; null when the stream does not exist for this tenant.</summary>
    Task<TAggregate?> LoadAsync<TAggregate>(Guid streamId, CancellationToken cancellationToken) where TAggregate : AggregateRoot, new();

    /// <summary>Rebuilds the aggregate as it stood at a stream version (1-based).</summary>
    Task<TAggregate?> LoadAtVersionAsync<TAggregate>(Guid streamId, long version, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new();

    /// <summary>Rebuilds the aggregate as it stood at a point in time.</summary>
    Task<TAggregate?> LoadAtTimeAsync<TAggregate>(Guid streamId, DateTimeOffset timestamp, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new();

    /// <summary>Starts a new stream; fails with a concurrency conflict if it already exists.</summary>
    Task StartStreamAsync<TAggregate>(Guid streamId, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new();

    /// <summary>Appends to a stream that must currently be at <paramref name="expectedVersion"/>.</summary>
    Task AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);

    /// <summary>The raw stored events of a stream, oldest first, for audit.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(Guid streamId, CancellationToken cancellationToken);
}

/// <summary>One stored event as the audit log shows it.</summary>
public sealed record StoredEvent(Guid Id, long Version, long Sequence, string Type, DateTimeOffset Timestamp, Guid? ActorId, object Data);
