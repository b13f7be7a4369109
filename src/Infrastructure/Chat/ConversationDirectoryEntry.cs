namespace CleanRag.Infrastructure.Chat;

/// <summary>
/// Global (not per tenant) index entry of a conversation (<see cref="Id"/> = <see cref="ConversationId"/>, with its project)
/// or of one of its messages (<see cref="Id"/> = the message id).
/// </summary>
public sealed class ConversationDirectoryEntry
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid CompanyId { get; set; }

    /// <summary>Set on the conversation's own entry.</summary>
    public Guid ProjectId { get; set; }

    public bool IsConversation => Id == ConversationId;
}
