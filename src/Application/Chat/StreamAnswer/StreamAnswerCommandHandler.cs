using CleanRag.Application.Chat.AskWidgetQuestion;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.StreamAnswer;

/// <summary>Hands the question to the pipeline as the API channel; its checks (project live, origin, question length) run before the first update.</summary>
public sealed class StreamAnswerCommandHandler(ChatPipeline pipeline, IRequestContext context) : ICommandHandler<StreamAnswerCommand, ChatStream>
{
    public ValueTask<ChatStream> Handle(StreamAnswerCommand command, CancellationToken cancellationToken)
    {
        var key = context.ApiKey!;
        return ValueTask.FromResult(new ChatStream(pipeline.StreamAsync(
            new ChatRequest(key.ProjectId, command.Question, command.ConversationId, command.SessionId, command.VisitorId,
                ConversationChannel.Api, key.IsTest, Origin: command.Origin),
            cancellationToken)));
    }
}
