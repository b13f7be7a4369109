using CleanRag.Domain.Common;

namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Where commands change aggregates: load one for a change, let it decide, stage the events it decided. Nothing is
/// written until the command's unit of work commits (<see cref="IUnitOfWork"/>, once per command), in one transaction
/// per tenant, and only if every changed stream is still at the version it was loaded at; otherwise the commit fails
/// with <see cref="Exceptions.ConcurrencyConflictException"/>. Reads for audit go through <see cref="IEventStore"/>.
/// </summary>
public interface IAggregateStore
{
    /// <summary>The same unit of work, on another tenant's streams (the company being created or joined).</summary>
    IAggregateStore ForTenant(Guid tenantId);

    /// <summary>
    /// The aggregate as it stands, remembered with its version for <see cref="Append{TAggregate}"/>; null when it does not
    /// exist. Loaded again in the same unit of work, it is the same instance, with the events staged since applied.
    /// </summary>
    Task<TAggregate?> LoadForUpdateAsync<TAggregate>(Guid id, CancellationToken cancellationToken) where TAggregate : AggregateRoot, new();

    /// <summary>
    /// <see cref="LoadForUpdateAsync{TAggregate}"/> for several distinct ids, which a store may read in one round trip; they come back
    /// in the order of <paramref name="ids"/>, null where none exists. By default one load after the other.
    /// </summary>
    async Task<IReadOnlyList<TAggregate?>> LoadManyForUpdateAsync<TAggregate>(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new()
    {
        var aggregates = new List<TAggregate?>(ids.Count);
        foreach (var id in ids)
            aggregates.Add(await LoadForUpdateAsync<TAggregate>(id, cancellationToken));
        return aggregates;
    }

    /// <summary>Stages events the aggregate (loaded with <see cref="LoadForUpdateAsync{TAggregate}"/>) decided, and applies them to it.</summary>
    void Append<TAggregate>(TAggregate aggregate, params IReadOnlyList<IDomainEvent> events) where TAggregate : AggregateRoot;

    /// <summary>Stages a new stream and returns its aggregate; the commit fails with a conflict if the id is taken.</summary>
    TAggregate Start<TAggregate>(Guid id, params IReadOnlyList<IDomainEvent> events) where TAggregate : AggregateRoot, new();
}
