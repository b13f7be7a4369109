using CleanRag.Domain.Common;

namespace CleanRag.Domain.Conversations;

public enum ConversationChannel
{
    /// <summary>POST /v1/chat with an API key.</summary>
    Api,
    /// <summary>The embeddable widget (POST /api/chat).</summary>
    Widget,
    /// <summary>The dashboard's test chat.</summary>
    Dashboard,
}

/// <param name="PageContext">What the widget said about the page the visitor is on (title, product, …), if anything.</param>
public sealed record ConversationStarted(
    Guid ConversationId, Guid ProjectId, string VisitorId, string SessionId, ConversationChannel Channel, bool IsTest,
    string? PageUrl, DateTimeOffset StartedAt, string? PageContext = null) : IDomainEvent;

/// <param name="SearchQuery">The standalone query retrieval used (the question rewritten with the conversation's context).</param>
/// <param name="PageUrl">The page the visitor asked from (widget), when known.</param>
/// <param name="PageContext">What the widget said that page shows, when anything: the rewriter and the generator saw it too.</param>
/// <param name="IsTest">Asked in a test conversation (dashboard test chat, test key): the monthly message quota does not count it.
/// Carried on the question itself so usage is metered from this one event.</param>
public sealed record VisitorAsked(
    Guid ConversationId, Guid MessageId, string Question, string SearchQuery, DateTimeOffset AskedAt, string? PageUrl = null,
    string? PageContext = null, bool IsTest = false) : IDomainEvent;

/// <summary>A source an answer cites: which file, where (the passage's first page, and its last when it runs on), and the excerpt shown to the visitor.</summary>
/// <param name="SourceUrl">The document's own address (where it is published), when it was uploaded with one: what the visitor is linked to.</param>
/// <param name="PageNumber">The page cited: where the passage's sentence the answer used is (its first page in events recorded
/// before pages within a passage were tracked).</param>
/// <param name="PageStart">The passage spans <paramref name="PageStart"/>..<paramref name="PageEnd"/>; null in older events, whose
/// passage starts at <paramref name="PageNumber"/>.</param>
public sealed record CitedSource(
    int Number, Guid DocumentId, string Title, string Excerpt, int? PageNumber, double Score, int? PageEnd = null, string? SourceUrl = null,
    int? PageStart = null);

/// <param name="ReplyId">The bot's reply as a message of its own (feedback and polling name it); null in events recorded before
/// replies had ids: <see cref="ConversationMessageIds.ReplyTo"/> of the question's id then, which is what is recorded now.</param>
public sealed record AnswerGiven(
    Guid ConversationId, Guid MessageId, string Answer, IReadOnlyList<CitedSource> Sources, double Confidence, string Model,
    long LatencyMs, int PromptTokens, int CompletionTokens, DateTimeOffset AnsweredAt, Guid? ReplyId = null) : IDomainEvent;

/// <summary>The documents did not cover the question well enough; the visitor got an honest "I don't know".</summary>
/// <param name="ReplyId">The refusal as a message of its own, as for <see cref="AnswerGiven.ReplyId"/>.</param>
/// <param name="Refused">True when passages were found and an answer generated, but it was withheld as unsupported by them (the
/// guardrail refused it); false when retrieval found nothing relevant, and in events recorded before the two were told apart.</param>
/// <param name="Reply">What the visitor was told when it was not the usual "I couldn't find that" (e.g. that nothing is indexed yet).</param>
public sealed record QuestionUnanswered(
    Guid ConversationId, Guid MessageId, string Question, double Confidence, DateTimeOffset At, Guid? ReplyId = null, bool Refused = false,
    string? Reply = null)
    : IDomainEvent;

/// <summary>The visitor asked for a person. <paramref name="Email"/>/<paramref name="Phone"/> when they left contact details.</summary>
/// <param name="MessageId">The chat message that asked for a person, which this settles; null when the visitor used the widget's
/// escalation form, which settles no question.</param>
/// <param name="Message">What the visitor wrote in the escalation form, verbatim.</param>
public sealed record EscalationRequested(
    Guid ConversationId, Guid? MessageId, string Reason, string? Email, string? Phone, DateTimeOffset At, string? Message = null) : IDomainEvent;

/// <summary>A person handles the conversation, so the bot stayed quiet: the visitor's question waits for their reply.</summary>
public sealed record QuestionHeldForHuman(Guid ConversationId, Guid MessageId, DateTimeOffset At) : IDomainEvent;

/// <summary>A team member answered the visitor from the dashboard; the widget shows it at its next poll.</summary>
public sealed record HumanReplied(Guid ConversationId, Guid MessageId, Guid UserId, string AuthorName, string Content, DateTimeOffset At)
    : IDomainEvent;

/// <summary>The team gave the conversation back to the bot, which answers the visitor's next questions again.</summary>
public sealed record ConversationHandedBack(Guid ConversationId, Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>The team closed the conversation; a new question from the visitor reopens it for the bot.</summary>
public sealed record ConversationResolved(Guid ConversationId, Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>The answer could not be produced (the model provider failed); the question stays recorded.</summary>
public sealed record AnswerFailed(Guid ConversationId, Guid MessageId, string Code, string Reason, DateTimeOffset At) : IDomainEvent;

/// <summary>The visitor rated an answer: <paramref name="Helpful"/> false is negative feedback, which the team wants to hear about.</summary>
public sealed record FeedbackGiven(Guid ConversationId, Guid MessageId, bool Helpful, string? Comment, DateTimeOffset At) : IDomainEvent;

/// <summary>A team member set the conversation's review status (see <see cref="ReviewStatus"/>).</summary>
public sealed record ConversationReviewed(Guid ConversationId, ReviewStatus Status, Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A team member rated the conversation from 1 to 5; <paramref name="Rating"/> null cleared the rating.</summary>
public sealed record ConversationRated(Guid ConversationId, int? Rating, Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A team member replaced the conversation's internal notes; <paramref name="Notes"/> null cleared them.</summary>
public sealed record ConversationNoted(Guid ConversationId, string? Notes, Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A team member assigned the conversation to <paramref name="AssigneeUserId"/>; null unassigned it.</summary>
public sealed record ConversationAssigned(Guid ConversationId, Guid? AssigneeUserId, Guid UserId, DateTimeOffset At) : IDomainEvent;
