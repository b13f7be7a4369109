using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.ResolveConversation;

/// <summary>Closes the conversation; the visitor's next question reopens it for the bot.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ResolveConversationCommand(Guid ProjectId, Guid ConversationId) : ICommand<ConversationDetails>;
