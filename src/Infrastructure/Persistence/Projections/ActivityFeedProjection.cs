using CleanRag.Application.Activity;
using CleanRag.Domain.Common;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>One activity line per stored domain event, in the event's tenant. Run by the async daemon.</summary>
internal sealed partial class ActivityFeedProjection : EventProjection
{
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not IDomainEvent)
            return ValueTask.CompletedTask;

        var entry = new ActivityEntry
        {
            Id = e.Id,
            StreamId = e.StreamId,
            Sequence = e.Sequence,
            EventType = e.EventTypeName,
            ActorId = Guid.TryParse(e.UserName, out var actor) ? actor : null,
            OccurredAt = e.Timestamp,
        };
        operations.ForTenant(e.TenantId).Store(entry);
        return ValueTask.CompletedTask;
    }
}
