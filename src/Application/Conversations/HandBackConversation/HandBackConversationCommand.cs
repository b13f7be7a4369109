using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.HandBackConversation;

/// <summary>Gives an escalated or person-handled conversation back to the bot, which answers the visitor's next questions.</summary>
[Authorize(CompanyRole.Member)]
public sealed record HandBackConversationCommand(Guid ProjectId, Guid ConversationId) : ICommand<ConversationDetails>;
