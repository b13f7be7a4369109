namespace CleanRag.Application.Common.Interfaces;

/// <summary>An aggregate's audit trail and, when asked for a point in its past, its state at that point.</summary>
public sealed record AggregateHistory(Guid StreamId, long Version, object? State, IReadOnlyList<StoredEvent> Events);
