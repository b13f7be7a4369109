using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Conversations.HandBackConversation;

public sealed class HandBackConversationCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<HandBackConversationCommand, ConversationDetails>
{
    public async ValueTask<ConversationDetails> Handle(HandBackConversationCommand command, CancellationToken cancellationToken)
    {
        var conversation = await aggregates.LoadForUpdateAsync(command.ProjectId, command.ConversationId, cancellationToken);
        aggregates.Append(conversation, conversation.HandBack(context.UserId, clock.GetUtcNow()));
        return await unitOfWork.CommitAndReadAsync(readStore, conversation.Id, cancellationToken);
    }
}
