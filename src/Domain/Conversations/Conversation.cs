using CleanRag.Domain.Common;

namespace CleanRag.Domain.Conversations;

/// <summary>
/// One visitor's conversation with a project's assistant. Its stream is the audit trail: every
/// question, answer (with sources and confidence), refusal, escalation and failure, in order.
/// </summary>
public sealed class Conversation : AggregateRoot
{
    private readonly List<Turn> _turns = [];

    public Guid ProjectId { get; private set; }
    public string VisitorId { get; private set; } = "";
    public string SessionId { get; private set; } = "";
    public ConversationChannel Channel { get; private set; }
    public bool IsTest { get; private set; }
    public bool EscalationRequested { get; private set; }
    public IReadOnlyList<Turn> Turns => _turns;

    /// <summary>A question and what became of it.</summary>
    public sealed record Turn(
        Guid MessageId, string Question, string? Answer, IReadOnlyList<CitedSource> Sources, double? Confidence, string Outcome, bool? Helpful = null);

    public static ConversationStarted Start(
        Guid conversationId, Guid projectId, string visitorId, string sessionId, ConversationChannel channel, bool isTest, string? pageUrl,
        DateTimeOffset now, string? pageContext = null) =>
        new(conversationId, projectId, visitorId, sessionId, channel, isTest, pageUrl, now, pageContext);

    public VisitorAsked Ask(Guid messageId, string question, string searchQuery, DateTimeOffset now) =>
        new(Id, messageId, question, searchQuery, now);

    /// <summary>Records the visitor's rating of an answer; only questions of this conversation can be rated.</summary>
    public FeedbackGiven GiveFeedback(Guid messageId, bool helpful, string? comment, DateTimeOffset now)
    {
        if (_turns.All(t => t.MessageId != messageId))
            throw new DomainRuleViolationException("message_not_found", "The conversation has no such message.");
        return new FeedbackGiven(Id, messageId, helpful, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now);
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ConversationStarted e:
                Id = e.ConversationId;
                ProjectId = e.ProjectId;
                VisitorId = e.VisitorId;
                SessionId = e.SessionId;
                Channel = e.Channel;
                IsTest = e.IsTest;
                break;
            case VisitorAsked e:
                _turns.Add(new Turn(e.MessageId, e.Question, null, [], null, "asked"));
                break;
            case AnswerGiven e:
                Complete(e.MessageId, t => t with { Answer = e.Answer, Sources = e.Sources, Confidence = e.Confidence, Outcome = "answered" });
                break;
            case QuestionUnanswered e:
                Complete(e.MessageId, t => t with { Confidence = e.Confidence, Outcome = "unanswered" });
                break;
            case EscalationRequested e:
                EscalationRequested = true;
                Complete(e.MessageId, t => t with { Outcome = "escalated" });
                break;
            case AnswerFailed e:
                Complete(e.MessageId, t => t with { Outcome = "failed" });
                break;
            case FeedbackGiven e:
                Complete(e.MessageId, t => t with { Helpful = e.Helpful });
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private void Complete(Guid messageId, Func<Turn, Turn> change)
    {
        var index = _turns.FindIndex(t => t.MessageId == messageId);
        if (index >= 0)
            _turns[index] = change(_turns[index]);
    }
}
