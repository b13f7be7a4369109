using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using JasperFx.Events;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// <see cref="IAggregateStore"/> over Marten's <c>FetchForWriting</c>: the stream is read in the unit of work's
/// session for the tenant, and the events appended to it are checked against the version read when it commits.
/// </summary>
internal sealed class MartenAggregateStore(MartenUnitOfWork unitOfWork, Guid tenantId) : IAggregateStore
{
    public MartenAggregateStore(MartenUnitOfWork unitOfWork, IRequestContext context) : this(unitOfWork, context.TenantId)
    {
    }

    public IAggregateStore ForTenant(Guid otherTenantId) => new MartenAggregateStore(unitOfWork, otherTenantId);

    public async Task<TAggregate?> LoadForUpdateAsync<TAggregate>(Guid id, CancellationToken cancellationToken) where TAggregate : AggregateRoot, new()
    {
        IEventStream<TAggregate> stream;
        try
        {
            stream = await unitOfWork.SessionFor(tenantId).Events.FetchForWriting<TAggregate>(id, cancellationToken);
        }
        catch (Exception exception) when (MartenEventStore.FindForeignStream(exception))
        {
            return null; // the id of another kind of stream: no aggregate of this kind
        }
        if (stream.Aggregate is null)
            return null;
        unitOfWork.StreamsForWriting[(tenantId, id)] = stream;
        return stream.Aggregate;
    }

    public void Append<TAggregate>(TAggregate aggregate, params IReadOnlyList<IDomainEvent> events) where TAggregate : AggregateRoot
    {
        if (!unitOfWork.StreamsForWriting.TryGetValue((tenantId, aggregate.Id), out var tracked) || tracked is not IEventStream<TAggregate> stream)
            throw new InvalidOperationException($"{typeof(TAggregate).Name} {aggregate.Id} was not loaded for update in this unit of work.");
        stream.AppendMany(events.Cast<object>().ToArray());
        foreach (var domainEvent in events)
            aggregate.ApplyEvent(domainEvent);
    }

    public TAggregate Start<TAggregate>(Guid id, params IReadOnlyList<IDomainEvent> events) where TAggregate : AggregateRoot, new()
    {
        unitOfWork.SessionFor(tenantId).Events.StartStream<TAggregate>(id, events.Cast<object>().ToArray());
        var aggregate = new TAggregate();
        foreach (var domainEvent in events)
            aggregate.ApplyEvent(domainEvent);
        return aggregate;
    }
}
