using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations.Inbox;

/// <summary>
/// Which conversations of the company the inbox and its export show; every criterion given must hold. <see cref="From"/> and
/// <see cref="To"/> bound the last activity (both inclusive); <see cref="Outcome"/> is one of <see cref="ConversationOutcomes"/>;
/// <see cref="Text"/> is matched by PostgreSQL full-text search (web-search syntax) against the questions and answers.
/// </summary>
public sealed record InboxFilter(
    Guid? ProjectId = null,
    ConversationHandling? Handling = null,
    ReviewStatus? ReviewStatus = null,
    int? Rating = null,
    string? Outcome = null,
    bool? HasNegativeFeedback = null,
    bool? IsTest = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null);
