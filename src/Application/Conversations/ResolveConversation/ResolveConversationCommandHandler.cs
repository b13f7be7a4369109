using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Conversations.ResolveConversation;

public sealed class ResolveConversationCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<ResolveConversationCommand, ConversationDetails>
{
    public async ValueTask<ConversationDetails> Handle(ResolveConversationCommand command, CancellationToken cancellationToken)
    {
        var conversation = await aggregates.LoadForUpdateAsync(command.ProjectId, command.ConversationId, cancellationToken);
        aggregates.Append(conversation, conversation.Resolve(context.UserId, clock.GetUtcNow()));
        return await unitOfWork.CommitAndReadAsync(readStore, conversation.Id, cancellationToken);
    }
}
