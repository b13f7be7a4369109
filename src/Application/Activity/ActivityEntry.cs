namespace CleanRag.Application.Activity;

/// <summary>
/// One line of a workspace's activity feed: a stored domain event, who caused it and when.
/// Written by an asynchronous projection over all event streams.
/// </summary>
public sealed class ActivityEntry
{
    /// <summary>The stored event's id, so replaying the projection never duplicates a line.</summary>
    public Guid Id { get; set; }
    public Guid StreamId { get; set; }
    public long Sequence { get; set; }
    public string EventType { get; set; } = "";
    public Guid? ActorId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
