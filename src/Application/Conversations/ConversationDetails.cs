using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations;

/// <summary>Read model of a conversation: the inbox line and the full transcript.</summary>
public sealed class ConversationDetails
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public string VisitorId { get; set; } = "";
    public string SessionId { get; set; } = "";
    public ConversationChannel Channel { get; set; }
    public bool IsTest { get; set; }
    public string? PageUrl { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public int MessageCount { get; set; }
    public bool Escalated { get; set; }

    /// <summary>Who answers the conversation now (see <see cref="ConversationHandling"/>).</summary>
    public ConversationHandling Handling { get; set; }

    /// <summary>The team's replies from the dashboard, oldest first: who, when, what.</summary>
    public List<HumanReply> HumanReplies { get; set; } = [];

    /// <summary>Escalations, hand-backs and resolutions, oldest first.</summary>
    public List<HandlingChange> HandlingChanges { get; set; } = [];

    /// <summary>Questions the bot answered (see <see cref="ConversationOutcomes"/> for what the counts mean).</summary>
    public int AnsweredCount { get; set; }

    /// <summary>Questions retrieval found nothing relevant for: the documents do not cover them.</summary>
    public int UnansweredCount { get; set; }

    /// <summary>Questions whose generated answer was withheld as unsupported by the passages found.</summary>
    public int RefusedCount { get; set; }

    public int NegativeFeedbackCount { get; set; }

    /// <summary>The team's review: status, rating (1–5), internal notes, assignee, and the last change of status.</summary>
    public ReviewStatus ReviewStatus { get; set; }
    public int? Rating { get; set; }
    public string? Notes { get; set; }
    public Guid? AssigneeUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedByUserId { get; set; }

    /// <summary>
    /// The questions, the bot's answers and the team's replies as one text: what the inbox's full-text search (<c>q</c>)
    /// matches, through a PostgreSQL full-text index over this field.
    /// </summary>
    public string SearchText { get; set; } = "";

    public List<ConversationMessage> Messages { get; set; } = [];
    public long Version { get; set; }
}

public sealed record ConversationMessage(
    Guid MessageId,
    string Question,
    DateTimeOffset AskedAt,
    string Outcome,
    string? Answer = null,
    IReadOnlyList<CitedSource>? Sources = null,
    double? Confidence = null,
    DateTimeOffset? AnsweredAt = null,
    bool? Helpful = null,
    string? PageUrl = null,
    string? PageContext = null,
    Guid? ReplyId = null,
    string? FeedbackComment = null);

/// <summary>A team member's reply to the visitor.</summary>
public sealed record HumanReply(Guid MessageId, Guid UserId, string AuthorName, string Content, DateTimeOffset At);

/// <summary>A step of the conversation's handling: <c>escalated</c> (with the visitor's contact and message), <c>handed_back</c>, <c>resolved</c>.</summary>
public sealed record HandlingChange(
    string Change, ConversationHandling Handling, DateTimeOffset At, Guid? UserId = null, string? Email = null, string? Phone = null,
    string? Message = null);
