using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.TestChat;

public sealed class TestChatCommandHandler(ChatPipeline pipeline) : ICommandHandler<TestChatCommand, ChatAnswer>
{
    public async ValueTask<ChatAnswer> Handle(TestChatCommand command, CancellationToken cancellationToken) =>
        await pipeline.AnswerAsync(
            new ChatRequest(command.ProjectId, command.Question, command.ConversationId, command.SessionId, command.VisitorId,
                ConversationChannel.Dashboard, IsTest: true),
            cancellationToken);
}
