using CleanRag.Application.Common.Security;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.ReviewConversation;

/// <summary>
/// The team's review of a conversation: its status (<c>new</c>, <c>reviewed</c>, <c>needs_follow_up</c>), a rating from 1 to 5,
/// internal notes and an assignee (a member of the company). Only the fields sent change (null rating, notes or assignee clears
/// them); each change is an event on the conversation's stream, and a field already as sent records nothing.
/// </summary>
[Authorize(CompanyRole.Member)]
public sealed record ReviewConversationCommand(
    Guid ConversationId,
    FieldUpdate<string>? ReviewStatus = null,
    FieldUpdate<int?>? Rating = null,
    FieldUpdate<string>? Notes = null,
    FieldUpdate<Guid?>? AssigneeUserId = null) : ICommand<InboxConversation>;
