using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.ListConversations;

/// <summary>A project's conversations, most recent activity first (the inbox); <paramref name="Handling"/> (bot, escalated, human,
/// resolved) keeps only those in that state.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListConversationsQuery(Guid ProjectId, int Page = 1, int PageSize = 50, bool IncludeTest = true, string? Handling = null)
    : IQuery<IReadOnlyList<ConversationSummary>>, IProjectScoped;

/// <param name="UnansweredCount">Questions the visitor got the honest "I couldn't find that" for: unanswered and refused alike
/// (the workspace inbox tells them apart).</param>
public sealed record ConversationSummary(
    Guid Id, string VisitorId, string SessionId, string Channel, bool IsTest, DateTimeOffset StartedAt, DateTimeOffset LastMessageAt,
    int MessageCount, bool Escalated, int UnansweredCount, string? LastQuestion, string Handling, int HumanReplyCount);
