using CleanRag.Application.Conversations;
using Marten;

namespace CleanRag.Infrastructure.Chat;

/// <summary>Reads the global conversation directory kept by the inline <c>ConversationDirectoryProjection</c>.</summary>
internal sealed class MartenConversationDirectory(IDocumentStore store) : IConversationDirectory
{
    public async Task<ConversationAddress?> FindConversationAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var entry = await session.LoadAsync<ConversationDirectoryEntry>(conversationId, cancellationToken);
        return entry is { IsConversation: true } ? new ConversationAddress(entry.ConversationId, entry.CompanyId, entry.ProjectId) : null;
    }

    public async Task<ConversationAddress?> FindMessageAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var entry = await session.LoadAsync<ConversationDirectoryEntry>(messageId, cancellationToken);
        if (entry is null || entry.IsConversation)
            return null;
        var conversation = await session.LoadAsync<ConversationDirectoryEntry>(entry.ConversationId, cancellationToken);
        return conversation is null ? null : new ConversationAddress(conversation.ConversationId, conversation.CompanyId, conversation.ProjectId);
    }
}
