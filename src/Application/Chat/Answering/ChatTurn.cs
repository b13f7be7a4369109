using CleanRag.Application.Search.Rewriting;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// One question on its way to an answer: the conversation it is asked in (as loaded, or just started and not yet
/// stored), the visitor's message id, and whether its events are recorded yet.
/// </summary>
public sealed class ChatTurn(Conversation conversation, ConversationStarted? opening, Guid messageId, string question, DateTimeOffset askedAt)
{
    public Conversation Conversation { get; } = conversation;

    /// <summary>The conversation's first event when this turn starts it: stored together with the turn.</summary>
    public ConversationStarted? Opening { get; } = opening;

    public Guid MessageId { get; } = messageId;
    public string Question { get; } = question;
    public DateTimeOffset AskedAt { get; } = askedAt;

    /// <summary>The page this message was sent from, when the widget described it: used for this turn and recorded with it.</summary>
    public VisitorPage? Page { get; init; }

    /// <summary>The query retrieval used, once known; until then (and for escalations, which skip retrieval) the question itself.</summary>
    public string SearchQuery { get; set; } = question;

    public bool Recorded { get; internal set; }
}
