namespace CleanRag.Infrastructure.Messaging;

/// <summary>Marks that a consumer has handled one integration event; the id is "{consumer}:{eventId}".</summary>
public sealed class ProcessedMessage
{
    public string Id { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
