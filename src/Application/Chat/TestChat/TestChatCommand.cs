using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Chat.TestChat;

/// <summary>The dashboard's test chat: the same pipeline as the public APIs, on any project with indexed documents, marked as test traffic.</summary>
[Authorize(CompanyRole.Member)]
public sealed record TestChatCommand(Guid ProjectId, string Question, Guid? ConversationId, string? SessionId, string? VisitorId)
    : ICommand<ChatAnswer>;
