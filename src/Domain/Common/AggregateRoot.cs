namespace CleanRag.Domain.Common;

/// <summary>
/// Base of the event-sourced aggregates. State changes only by applying events: the event store
/// rebuilds an aggregate by calling <see cref="ApplyEvent"/> for each stored event in order.
/// </summary>
public abstract class AggregateRoot
{
    public Guid Id { get; protected set; }

    /// <summary>The stream version this state reflects (number of events applied).</summary>
    public long Version { get; private set; }

    public void ApplyEvent(IDomainEvent domainEvent)
    {
        try
        {
            When(domainEvent);
        }
        catch (UnknownEventException) when (Version == 0)
        {
            // The stream starts with another aggregate's event: it is not a stream of this aggregate at all.
            throw new ForeignStreamException(GetType().Name, domainEvent.GetType().Name);
        }
        Version++;
    }

    /// <summary>Dispatches an event to the aggregate's state change for it.</summary>
    protected abstract void When(IDomainEvent domainEvent);

    protected static InvalidOperationException UnknownEvent(IDomainEvent domainEvent) => new UnknownEventException(domainEvent.GetType().Name);
}

/// <summary>An event the aggregate does not know: a bug when it appears inside the aggregate's own stream.</summary>
public sealed class UnknownEventException(string eventType) : InvalidOperationException($"{eventType} is not an event of this aggregate.");

/// <summary>
/// A stream id of another kind of aggregate was loaded as this one (a project's id given as a conversation id,
/// say). The event store treats it as "no such aggregate".
/// </summary>
public sealed class ForeignStreamException(string aggregate, string firstEvent)
    : InvalidOperationException($"The stream is not a {aggregate}: it starts with {firstEvent}.");
