using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.AskQuestion;

public sealed class AskQuestionCommandHandler(ChatPipeline pipeline, Common.Interfaces.IRequestContext context)
    : ICommandHandler<AskQuestionCommand, ChatAnswer>
{
    public async ValueTask<ChatAnswer> Handle(AskQuestionCommand command, CancellationToken cancellationToken)
    {
        var key = context.ApiKey!;
        return await pipeline.AnswerAsync(
            new ChatRequest(key.ProjectId, command.Question, command.ConversationId, command.SessionId, command.VisitorId,
                ConversationChannel.Api, key.IsTest, Origin: command.Origin),
            cancellationToken);
    }
}
