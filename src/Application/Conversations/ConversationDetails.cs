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
    public int UnansweredCount { get; set; }
    public int NegativeFeedbackCount { get; set; }
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
    Guid? ReplyId = null);

/// <summary>A team member's reply to the visitor.</summary>
public sealed record HumanReply(Guid MessageId, Guid UserId, string AuthorName, string Content, DateTimeOffset At);

/// <summary>A step of the conversation's handling: <c>escalated</c> (with the visitor's contact and message), <c>handed_back</c>, <c>resolved</c>.</summary>
public sealed record HandlingChange(
    string Change, ConversationHandling Handling, DateTimeOffset At, Guid? UserId = null, string? Email = null, string? Phone = null,
    string? Message = null);
