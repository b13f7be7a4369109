using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.GiveFeedback;

public sealed class GiveFeedbackCommandHandler(IAggregateStore aggregates, IReadStore readStore, TimeProvider clock, IRequestContext caller)
    : ICommandHandler<GiveFeedbackCommand, FeedbackRecorded>
{
    public async ValueTask<FeedbackRecorded> Handle(GiveFeedbackCommand command, CancellationToken cancellationToken)
    {
        ChatAccess.Ensure(await readStore.LoadAsync<ProjectDetails>(command.ProjectId, cancellationToken), command.Channel, command.Origin, caller.OwnOrigin);
        var conversation = await aggregates.LoadForUpdateAsync<Conversation>(command.ConversationId, cancellationToken);
        if (conversation is null || conversation.ProjectId != command.ProjectId || conversation.Turns.All(t => t.MessageId != command.MessageId))
            throw new NotFoundException("Message");
        var feedback = conversation.GiveFeedback(command.MessageId, command.Helpful!.Value, command.Comment, clock.GetUtcNow());
        aggregates.Append(conversation, feedback);
        return new FeedbackRecorded(conversation.Id, command.MessageId, feedback.Helpful);
    }
}
