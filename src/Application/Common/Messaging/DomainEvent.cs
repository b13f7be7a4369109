namespace CleanRag.Application.Common.Messaging;

/// <summary>What an <see cref="IDomainEventHandler{TEvent}"/> is told about one committed domain event.</summary>
/// <param name="EventId">The stored event's id: the same on every redelivery.</param>
/// <param name="StreamId">The aggregate the event belongs to.</param>
/// <param name="TenantId">The company whose data the event is; the handler's stores are already scoped to it.</param>
/// <param name="Timestamp">When the event was committed.</param>
/// <param name="IsFinalAttempt">
/// True on the last attempt before the message is parked in the _error queue: a handler that must always reach an
/// outcome (ingestion ends indexed or failed, never stuck) records the failure instead of throwing again.
/// </param>
public sealed record DomainEvent<TEvent>(
    Guid EventId, Guid StreamId, long Version, Guid TenantId, DateTimeOffset Timestamp, TEvent Data, bool IsFinalAttempt)
    where TEvent : class
{
    public static DomainEvent<TEvent> From(DomainEventEnvelope<TEvent> envelope, bool isFinalAttempt) =>
        new(envelope.EventId, envelope.StreamId, envelope.Version, envelope.TenantId, envelope.Timestamp, envelope.Data, isFinalAttempt);
}
