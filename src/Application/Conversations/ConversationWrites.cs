using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations;

internal static class ConversationWrites
{
    /// <summary>The project's conversation, loaded for a change; another project's (or company's) is not found.</summary>
    public static async Task<Conversation> LoadForUpdateAsync(
        this IAggregateStore aggregates, Guid projectId, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await aggregates.LoadForUpdateAsync<Conversation>(conversationId, cancellationToken);
        return conversation is not null && conversation.ProjectId == projectId ? conversation : throw new NotFoundException("Conversation");
    }

    /// <summary>Commits, then reads the conversation back from its (inline) read model.</summary>
    public static async Task<ConversationDetails> CommitAndReadAsync(
        this IUnitOfWork unitOfWork, IReadStore readStore, Guid conversationId, CancellationToken cancellationToken)
    {
        await unitOfWork.CommitAsync(cancellationToken);
        return await readStore.LoadAsync<ConversationDetails>(conversationId, cancellationToken) ?? throw new NotFoundException("Conversation");
    }
}
