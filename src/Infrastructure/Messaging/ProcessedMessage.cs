namespace CleanRag.Infrastructure.Messaging;

/// <summary>Marks that a domain event handler has handled one event; the id is "{handler}:{eventId}" (<see cref="DomainEventConsumer{TEvent,THandler}"/>).</summary>
public sealed class ProcessedMessage
{
    public string Id { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
