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
        // A second stream handle on a stream this unit of work already writes to would race the first one's version.
        if (unitOfWork.StreamsForWriting.TryGetValue((tenantId, id), out var tracked) && tracked is IEventStream<TAggregate> loaded)
            return loaded.Aggregate;
        IEventStream<TAggregate> stream;
        try
        {
            stream = await unitOfWork.SessionFor(tenantId).Events.FetchForWriting<TAggregate>(id, cancellationToken);
        }
        catch (Exception exception) when (MartenEventStore.FindForeignStream(exception))
        {
            return null; // the id of another kind of stream: no aggregate of this kind
        }
        return Track(id, stream);
    }

    /// <summary>One round trip for the streams not loaded yet (Marten's batched FetchForWriting).</summary>
    public async Task<IReadOnlyList<TAggregate?>> LoadManyForUpdateAsync<TAggregate>(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new()
    {
        var toFetch = ids.Where(id => !unitOfWork.StreamsForWriting.ContainsKey((tenantId, id))).ToList();
        if (toFetch.Count > 1)
        {
            IReadOnlyList<IEventStream<TAggregate>> streams;
            try
            {
                streams = await unitOfWork.SessionFor(tenantId).Events.FetchManyForWriting<TAggregate>(toFetch, cancellationToken);
            }
            catch (Exception exception) when (MartenEventStore.FindForeignStream(exception))
            {
                streams = []; // one of them is another kind of stream: each is loaded on its own below, that one as null
            }
            foreach (var (id, stream) in toFetch.Zip(streams))
                Track(id, stream);
        }
        var aggregates = new List<TAggregate?>(ids.Count);
        foreach (var id in ids)
            aggregates.Add(await LoadForUpdateAsync<TAggregate>(id, cancellationToken));
        return aggregates;
    }

    private TAggregate? Track<TAggregate>(Guid id, IEventStream<TAggregate> stream) where TAggregate : AggregateRoot
    {
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
