using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.AskWidgetQuestion;

/// <summary>
/// Hands the message to the pipeline, which checks — before anything is streamed — that the project exists
/// (in the company the API resolved from the project id), has the widget enabled, allows the page's origin and is live.
/// </summary>
public sealed class AskWidgetQuestionCommandHandler(ChatPipeline pipeline) : ICommandHandler<AskWidgetQuestionCommand, ChatStream>
{
    public ValueTask<ChatStream> Handle(AskWidgetQuestionCommand command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ChatStream(pipeline.StreamAsync(
            new ChatRequest(command.ProjectId, command.Message, command.ConversationId, SessionId: null, command.VisitorId,
                ConversationChannel.Widget, IsTest: false, command.PageUrl, command.Context, command.Origin),
            cancellationToken)));
}
