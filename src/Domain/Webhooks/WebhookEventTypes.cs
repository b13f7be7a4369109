namespace CleanRag.Domain.Webhooks;

/// <summary>The event types a webhook subscription can ask for, as they appear in payloads and the X-CleanRag-Event header.</summary>
public static class WebhookEventTypes
{
    public const string ConversationStarted = "conversation.started";
    /// <summary>An escalation with the visitor's email or phone (seed 000's name).</summary>
    public const string NewLead = "new_lead";

    /// <summary>
    /// The earlier name of <see cref="NewLead"/>, still accepted: a subscription keeps receiving leads under the name it
    /// subscribed with (one delivery per name it holds).
    /// </summary>
    public const string LeadCreated = "lead.created";
    public const string EscalationRequested = "escalation.requested";
    public const string FeedbackNegative = "feedback.negative";
    public const string QuestionUnanswered = "question.unanswered";
    public const string DocumentIndexed = "document.indexed";
    public const string DocumentFailed = "document.failed";

    /// <summary>Sent on request to test a subscription; never subscribed to.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> Subscribable { get; } =
    [
        ConversationStarted, NewLead, LeadCreated, EscalationRequested, FeedbackNegative, QuestionUnanswered, DocumentIndexed, DocumentFailed,
    ];

    public static bool IsSubscribable(string eventType) => Subscribable.Contains(eventType, StringComparer.Ordinal);
}
