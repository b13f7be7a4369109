using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations.Inbox;

/// <summary>A line of the workspace inbox. <see cref="Outcomes"/> lists the <see cref="ConversationOutcomes"/> the conversation has.</summary>
public sealed record InboxItem(
    Guid Id, Guid ProjectId, string VisitorId, ConversationChannel Channel, bool IsTest, DateTimeOffset StartedAt, DateTimeOffset LastMessageAt,
    int MessageCount, string? LastQuestion, ConversationHandling Handling, bool Escalated, string ReviewStatus, int? Rating,
    Guid? AssigneeUserId, bool HasNotes, IReadOnlyList<string> Outcomes, int NegativeFeedbackCount, int HumanReplyCount)
{
    public static InboxItem From(ConversationDetails c) => new(
        c.Id, c.ProjectId, c.VisitorId, c.Channel, c.IsTest, c.StartedAt, c.LastMessageAt, c.MessageCount, c.Messages.LastOrDefault()?.Question,
        c.Handling, c.Escalated, InboxFilterInput.NameOf(c.ReviewStatus), c.Rating, c.AssigneeUserId, c.Notes is not null, OutcomesOf(c),
        c.NegativeFeedbackCount, c.HumanReplies.Count);

    public static IReadOnlyList<string> OutcomesOf(ConversationDetails c) =>
    [
        .. c.AnsweredCount > 0 ? [ConversationOutcomes.Answered] : Array.Empty<string>(),
        .. c.UnansweredCount > 0 ? [ConversationOutcomes.Unanswered] : Array.Empty<string>(),
        .. c.RefusedCount > 0 ? [ConversationOutcomes.Refused] : Array.Empty<string>(),
    ];
}

/// <summary>A page of the inbox; <see cref="NextCursor"/> fetches the next one, null on the last page.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, string? NextCursor);
