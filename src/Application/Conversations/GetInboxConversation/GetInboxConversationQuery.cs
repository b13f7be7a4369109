using CleanRag.Application.Common.Security;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.GetInboxConversation;

/// <summary>A conversation of the company, opened from the inbox (whichever project it belongs to).</summary>
[Authorize(CompanyRole.Member)]
public sealed record GetInboxConversationQuery(Guid ConversationId) : IQuery<InboxConversation>;
