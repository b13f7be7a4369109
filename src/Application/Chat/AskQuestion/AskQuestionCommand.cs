using CleanRag.Application.Common.Security;
using Mediator;

namespace CleanRag.Application.Chat.AskQuestion;

/// <summary>
/// A question to the project of the caller's API key (POST /v1/chat). <paramref name="Origin"/> is the
/// browser's Origin header, when there is one.
/// </summary>
[AuthorizeApiKey]
public sealed record AskQuestionCommand(string Question, Guid? ConversationId, string? SessionId, string? VisitorId, string? Origin)
    : ICommand<ChatAnswer>;
