namespace CleanRag.Application.Common.Messaging;

/// <summary>
/// The integration event published on the bus for every stored domain event, after its commit.
/// <see cref="EventId"/> is the stored event's id: consumers use it to ignore redeliveries.
/// </summary>
public sealed record DomainEventEnvelope<TEvent>(
    Guid EventId,
    Guid StreamId,
    long Version,
    long Sequence,
    Guid TenantId,
    DateTimeOffset Timestamp,
    TEvent Data) where TEvent : class;
