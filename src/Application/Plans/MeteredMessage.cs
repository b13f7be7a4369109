namespace CleanRag.Application.Plans;

/// <summary>
/// One visitor question, as the message quota counts it (projected from <c>VisitorAsked</c>). A row per question rather
/// than a counter per month: concurrent chats then never overwrite each other's increments, and a month's count is an
/// indexed range count. It holds no content, so it says nothing about the visitor.
/// </summary>
public sealed class MeteredMessage
{
    /// <summary>The question's message id.</summary>
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public bool IsTest { get; set; }
}
