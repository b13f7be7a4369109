namespace CleanRag.Application.Conversations;

/// <summary>
/// Finds a conversation by its id, or by the id of one of its messages, across companies: the widget's polling, feedback
/// and escalation name nothing else, and learn their tenant from it. Returns routing facts only, never content.
/// </summary>
public interface IConversationDirectory
{
    Task<ConversationAddress?> FindConversationAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>The conversation of a visitor's question, a bot reply or a team reply.</summary>
    Task<ConversationAddress?> FindMessageAsync(Guid messageId, CancellationToken cancellationToken);
}

public sealed record ConversationAddress(Guid ConversationId, Guid CompanyId, Guid ProjectId);
