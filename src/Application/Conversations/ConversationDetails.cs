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
    string? PageContext = null);
