using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations.Inbox;

/// <summary>
/// One conversation as the inbox opens it: its handling and review, and every message — the visitor's questions, the bot's
/// replies and the team's replies — in one list in the order they were written, each with its id.
/// </summary>
public sealed record InboxConversation(
    Guid Id, Guid ProjectId, string VisitorId, string SessionId, ConversationChannel Channel, bool IsTest, string? PageUrl,
    DateTimeOffset StartedAt, DateTimeOffset LastMessageAt, ConversationHandling Handling, bool Escalated, string ReviewStatus, int? Rating,
    string? Notes, Guid? AssigneeUserId, DateTimeOffset? ReviewedAt, Guid? ReviewedByUserId, IReadOnlyList<string> Outcomes,
    int NegativeFeedbackCount, IReadOnlyList<InboxMessage> Messages, IReadOnlyList<HandlingChange> HandlingChanges, long Version)
{
    public static InboxConversation From(ConversationDetails c) => new(
        c.Id, c.ProjectId, c.VisitorId, c.SessionId, c.Channel, c.IsTest, c.PageUrl, c.StartedAt, c.LastMessageAt, c.Handling, c.Escalated,
        InboxFilterInput.NameOf(c.ReviewStatus), c.Rating, c.Notes, c.AssigneeUserId, c.ReviewedAt, c.ReviewedByUserId, InboxItem.OutcomesOf(c),
        c.NegativeFeedbackCount, MessagesOf(c), c.HandlingChanges, c.Version);

    /// <summary>Questions, bot replies and team replies by time; a question comes before the reply written in the same instant.</summary>
    private static IReadOnlyList<InboxMessage> MessagesOf(ConversationDetails c) =>
        c.Messages.SelectMany(Turn)
            .Concat(c.HumanReplies.Select(r => new InboxMessage(r.MessageId, InboxMessage.Human, r.Content, r.At, UserId: r.UserId, AuthorName: r.AuthorName)))
            .Select((message, index) => (message, index))
            .OrderBy(m => m.message.At).ThenBy(m => m.index)
            .Select(m => m.message)
            .ToList();

    private static IEnumerable<InboxMessage> Turn(ConversationMessage m)
    {
        yield return new InboxMessage(m.MessageId, InboxMessage.Visitor, m.Question, m.AskedAt, m.Outcome, PageUrl: m.PageUrl);
        if (BotReplies.TextOf(m) is { } reply)
        {
            yield return new InboxMessage(m.ReplyId ?? ConversationMessageIds.ReplyTo(m.MessageId), InboxMessage.Bot, reply, m.AnsweredAt ?? m.AskedAt,
                m.Outcome, InReplyTo: m.MessageId, Sources: m.Sources is { Count: > 0 } sources ? sources : null, Confidence: m.Confidence,
                Feedback: m.Helpful is { } helpful ? new InboxFeedback(helpful, m.FeedbackComment) : null);
        }
    }
}

/// <summary>
/// A message of a conversation. <see cref="Role"/> is <c>visitor</c> (a question: <see cref="Outcome"/> says what became of it),
/// <c>bot</c> (its reply: <see cref="InReplyTo"/> the question, with sources, confidence and the visitor's feedback) or
/// <c>human</c> (a team member's reply: who wrote it).
/// </summary>
public sealed record InboxMessage(
    Guid Id, string Role, string Content, DateTimeOffset At, string? Outcome = null, Guid? InReplyTo = null, IReadOnlyList<CitedSource>? Sources = null,
    double? Confidence = null, InboxFeedback? Feedback = null, Guid? UserId = null, string? AuthorName = null, string? PageUrl = null)
{
    public const string Visitor = "visitor";
    public const string Bot = "bot";
    public const string Human = "human";
}

/// <summary>The visitor's thumbs up (<see cref="Helpful"/>) or down on a bot reply, and what they wrote with it.</summary>
public sealed record InboxFeedback(bool Helpful, string? Comment);
