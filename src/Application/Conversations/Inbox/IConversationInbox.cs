namespace CleanRag.Application.Conversations.Inbox;

/// <summary>
/// The company's conversations filtered and ordered as the inbox shows them: latest activity first, ties by id. Runs in the
/// database, on the current tenant's read models only.
/// </summary>
public interface IConversationInbox
{
    /// <summary>Up to <paramref name="count"/> conversations that sort after <paramref name="after"/> (from the top when null).</summary>
    Task<IReadOnlyList<ConversationDetails>> ListAsync(InboxFilter filter, InboxCursor? after, int count, CancellationToken cancellationToken);

    /// <summary>Every matching conversation, read from the database as the caller consumes them (never all held at once).</summary>
    IAsyncEnumerable<ConversationDetails> ReadAllAsync(InboxFilter filter, CancellationToken cancellationToken);
}
