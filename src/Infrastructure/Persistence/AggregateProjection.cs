using CleanRag.Domain.Common;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// Rebuilds any domain aggregate from its stream by handing each event to the aggregate itself.
/// Marten 9 dispatches conventional Apply methods through a source generator that must run in the
/// aggregate's own assembly; the domain references no packages, so the explicit Evolve is used instead.
/// </summary>
internal sealed class AggregateProjection<TAggregate> : SingleStreamProjection<TAggregate, Guid>
    where TAggregate : AggregateRoot, new()
{
    public override TAggregate Evolve(TAggregate? snapshot, Guid id, IEvent e)
    {
        var aggregate = snapshot ?? new TAggregate();
        if (e.Data is IDomainEvent domainEvent)
            aggregate.ApplyEvent(domainEvent);
        return aggregate;
    }
}
