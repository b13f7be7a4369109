using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.ReplyToConversation;

/// <summary>
/// A team member answers the visitor from the dashboard: the conversation is handled by a person from now on (the bot stays
/// quiet) and the widget shows the reply at its next poll, with <c>sources: ["human_reply"]</c>.
/// </summary>
[Authorize(CompanyRole.Member)]
public sealed record ReplyToConversationCommand(Guid ProjectId, Guid ConversationId, string? Content) : ICommand<HumanReplyPosted>;

public sealed record HumanReplyPosted(Guid MessageId, Guid ConversationId, string Handling, Guid UserId, string AuthorName, string Content, DateTimeOffset At);
