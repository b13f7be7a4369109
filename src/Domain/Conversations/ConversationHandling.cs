namespace CleanRag.Domain.Conversations;

/// <summary>
/// Who looks after a conversation. <see cref="Bot"/> answers until the visitor asks for a person (<see cref="Escalated"/>:
/// the bot keeps answering while nobody has picked it up); once a person replied (<see cref="Human"/>) the bot stays quiet
/// until the conversation is handed back or <see cref="Resolved"/>.
/// </summary>
public enum ConversationHandling
{
    Bot,
    Escalated,
    Human,
    Resolved,
}
