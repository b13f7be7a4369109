using Mediator;

namespace CleanRag.Application.Chat.AskWidgetQuestion;

/// <summary>
/// A visitor's message from the embeddable widget (POST /api/chat, no key): allowed only for live projects
/// with the widget enabled, from a page of an allowed origin. The answer is streamed.
/// </summary>
public sealed record AskWidgetQuestionCommand(
    Guid ProjectId, string Message, Guid? ConversationId, string? PageUrl, string? VisitorId, string? Context, string? Origin)
    : ICommand<ChatStream>;

/// <summary>The pipeline's updates, produced as the caller reads them (first the conversation, then tokens, sources, confidence, completion).</summary>
public sealed record ChatStream(IAsyncEnumerable<ChatUpdate> Updates);
