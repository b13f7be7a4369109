namespace CleanRag.Application.Common.Messaging;

/// <summary>
/// A reaction that may handle several events of one company in one unit of work: Infrastructure's consumer takes them
/// from the handler's queue in batches and commits what the handler staged for all of them, with every event's marker, in
/// one transaction (a transaction per event costs more than most reactions). If the batch fails, each of its events is
/// handled again on its own, as for <see cref="IDomainEventHandler{TEvent}"/>, so one event that keeps failing is retried
/// and parked alone while the others commit. Batching is opt-in because a handler that commits part of its work early to
/// show progress (a test run) would commit other events' staged effects with it. The events of a batch share the unit of
/// work: an aggregate loaded again for a later event is the same instance, with the earlier events' changes applied, but
/// a read model read for a later event does not show what was staged for an earlier one.
/// </summary>
public interface IDomainEventBatchHandler<TEvent> : IDomainEventHandler<TEvent> where TEvent : class
{
    /// <summary>
    /// Handles the events (all of one company, each not handled before) in the order received. By default one after
    /// the other, which suits a handler that only stages changes; a handler may share round trips between them instead.
    /// </summary>
    async Task HandleAsync(IReadOnlyList<DomainEvent<TEvent>> notices, CancellationToken cancellationToken)
    {
        foreach (var notice in notices)
            await HandleAsync(notice, cancellationToken);
    }
}
