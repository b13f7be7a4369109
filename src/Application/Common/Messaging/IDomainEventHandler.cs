namespace CleanRag.Application.Common.Messaging;

/// <summary>
/// A reaction to a committed domain event: the use case that decides what follows from it (ingest the queued document,
/// put a project live, fan out webhooks…). Delivered at least once, after the event's commit, by Infrastructure's generic
/// consumer, which sets the tenant, runs the handler and commits what it staged (through <see cref="Interfaces.IAggregateStore"/>
/// and other stores) together with a marker that makes a redelivered event a no-op for this handler. A conflicting commit
/// runs the handler again from the stored state (<see cref="ConcurrencyRetry"/>); any other exception leaves nothing
/// committed and the message is retried, then parked in the handler's _error queue.
/// </summary>
/// <remarks>
/// Work outside PostgreSQL (the search index, blob storage, HTTP) cannot join the commit: it must be safe to repeat,
/// because a retry or a redelivery repeats it.
/// </remarks>
public interface IDomainEventHandler<TEvent> where TEvent : class
{
    Task HandleAsync(DomainEvent<TEvent> notice, CancellationToken cancellationToken);
}
