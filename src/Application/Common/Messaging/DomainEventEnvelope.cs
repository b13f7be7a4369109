namespace CleanRag.Application.Common.Messaging;

/// <summary>
/// The integration event published on the bus for every stored domain event, after its commit.
/// <see cref="EventId"/> is the stored event's id: it keys each handler's "processed" marker, so redeliveries are ignored.
/// Handlers receive it as a <see cref="DomainEvent{TEvent}"/> (<see cref="IDomainEventHandler{TEvent}"/>).
/// </summary>
public sealed record DomainEventEnvelope<TEvent>(
    Guid EventId,
    Guid StreamId,
    long Version,
    long Sequence,
    Guid TenantId,
    DateTimeOffset Timestamp,
    TEvent Data) where TEvent : class;
