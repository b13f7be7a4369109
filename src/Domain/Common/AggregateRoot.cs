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
        When(domainEvent);
        Version++;
    }

    /// <summary>Dispatches an event to the aggregate's state change for it.</summary>
    protected abstract void When(IDomainEvent domainEvent);

    protected static InvalidOperationException UnknownEvent(IDomainEvent domainEvent) =>
        new($"{domainEvent.GetType().Name} is not an event of this aggregate.");
}
