namespace CleanRag.Domain.Common;

/// <summary>
/// Marker for facts that happened to an aggregate. Implementations are sealed, immutable records
/// named in the past tense; they are stored in the event store and forwarded to the bus.
/// </summary>
public interface IDomainEvent;
