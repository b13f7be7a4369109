using CleanRag.Application.Chat.AskWidgetQuestion;
using CleanRag.Application.Common.Security;
using Mediator;

namespace CleanRag.Application.Chat.StreamAnswer;

/// <summary>
/// A question to the project of the caller's API key, answered as a stream (POST /v1/chat with Accept: text/event-stream): the same
/// question as <see cref="AskQuestion.AskQuestionCommand"/>, the same updates as the widget's stream.
/// </summary>
[AuthorizeApiKey]
public sealed record StreamAnswerCommand(string Question, Guid? ConversationId, string? SessionId, string? VisitorId, string? Origin)
    : ICommand<ChatStream>;
