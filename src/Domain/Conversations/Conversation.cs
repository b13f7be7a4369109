using CleanRag.Domain.Common;

namespace CleanRag.Domain.Conversations;

/// <summary>
/// One visitor's conversation with a project's assistant. Its stream is the audit trail: every
/// question, answer (with sources and confidence), refusal, escalation and failure, in order.
/// A question is asked, then settled exactly once: answered, left unanswered, escalated, failed, or held for a person.
/// Its <see cref="Handling"/> says who answers: the bot, or a person once the visitor asked for one and a person replied.
/// The team reviews it (status, rating, notes, assignee); each review step that changes something is an event of its own.
/// </summary>
public sealed class Conversation : AggregateRoot
{
    private const string Asked = "asked";

    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxNotesLength = 4000;

    private readonly List<Turn> _turns = [];
    private readonly List<Guid> _humanReplyIds = [];

    public Guid ProjectId { get; private set; }
    public string VisitorId { get; private set; } = "";
    public string SessionId { get; private set; } = "";
    public ConversationChannel Channel { get; private set; }
    public bool IsTest { get; private set; }
    public bool EscalationRequested { get; private set; }
    public ConversationHandling Handling { get; private set; }
    public IReadOnlyList<Turn> Turns => _turns;
    public ReviewStatus ReviewStatus { get; private set; }
    public int? Rating { get; private set; }
    public string? Notes { get; private set; }
    public Guid? AssigneeUserId { get; private set; }

    /// <summary>The ids of the team's replies, in order.</summary>
    public IReadOnlyList<Guid> HumanReplyIds => _humanReplyIds;

    /// <summary>A person has replied and the conversation was not handed back: the bot must not answer.</summary>
    public bool BotStaysQuiet => Handling == ConversationHandling.Human;

    /// <summary>A question and what became of it.</summary>
    public sealed record Turn(
        Guid MessageId, string Question, string? Answer, IReadOnlyList<CitedSource> Sources, double? Confidence, string Outcome, bool? Helpful = null)
    {
        /// <summary>The bot's reply to this question as a message of its own, when the bot replied (see <see cref="ConversationMessageIds"/>).</summary>
        public Guid? ReplyId => Outcome is "answered" or "unanswered" or "refused" or "escalated" ? ConversationMessageIds.ReplyTo(MessageId) : null;
    }

    public static ConversationStarted Start(
        Guid conversationId, Guid projectId, string visitorId, string sessionId, ConversationChannel channel, bool isTest, string? pageUrl,
        DateTimeOffset now, string? pageContext = null) =>
        new(conversationId, projectId, visitorId, sessionId, channel, isTest, pageUrl, now, pageContext);

    /// <param name="searchQuery">The standalone query retrieval used (the question itself when none was run).</param>
    /// <param name="pageUrl">The page the question was asked from, and <paramref name="pageContext"/> what it shows, when the widget said.</param>
    public VisitorAsked Ask(Guid messageId, string question, string searchQuery, DateTimeOffset now, string? pageUrl = null, string? pageContext = null)
    {
        EnsureStarted();
        if (string.IsNullOrWhiteSpace(question))
            throw new DomainRuleViolationException("question_required", "A question must not be blank.");
        if (FindTurn(messageId) is not null || _humanReplyIds.Contains(messageId))
            throw new DomainRuleViolationException("message_exists", "The conversation already has a message with this id.");
        return new VisitorAsked(Id, messageId, question, searchQuery, now, pageUrl, pageContext, IsTest);
    }

    /// <summary>Answers an open question; an answer is grounded, so it cites at least one source.</summary>
    public AnswerGiven Answer(
        Guid messageId, string answer, IReadOnlyList<CitedSource> sources, double confidence, string model, long latencyMs, int promptTokens,
        int completionTokens, DateTimeOffset now)
    {
        EnsureOpen(messageId);
        if (sources.Count == 0)
            throw new DomainRuleViolationException("answer_unsupported", "An answer must cite at least one source.");
        EnsureConfidence(confidence);
        return new AnswerGiven(Id, messageId, answer, sources, confidence, model, latencyMs, promptTokens, completionTokens, now,
            ConversationMessageIds.ReplyTo(messageId));
    }

    /// <summary>
    /// The honest "I don't know": the documents did not support an answer to this open question. <paramref name="reply"/> is what
    /// the visitor was told, when not the usual words.
    /// </summary>
    public QuestionUnanswered LeaveUnanswered(Guid messageId, double confidence, DateTimeOffset now, string? reply = null)
    {
        var turn = EnsureOpen(messageId);
        EnsureConfidence(confidence);
        return new QuestionUnanswered(Id, messageId, turn.Question, confidence, now, ConversationMessageIds.ReplyTo(messageId), Reply: reply);
    }

    /// <summary>
    /// The guardrail's honest "I don't know": passages were found and an answer generated, but it was not supported by them, so
    /// it was withheld. Recorded as <see cref="QuestionUnanswered"/> with <see cref="QuestionUnanswered.Refused"/>, so everything
    /// reacting to unanswered questions still does.
    /// </summary>
    public QuestionUnanswered Refuse(Guid messageId, double confidence, DateTimeOffset now) =>
        LeaveUnanswered(messageId, confidence, now) with { Refused = true };

    /// <summary>The visitor asked for a person instead of an answer, perhaps leaving contact details.</summary>
    public EscalationRequested Escalate(Guid messageId, string reason, string? email, string? phone, DateTimeOffset now)
    {
        EnsureOpen(messageId);
        return new EscalationRequested(Id, messageId, reason, email, phone, now);
    }

    /// <summary>
    /// The visitor asked for a person through the widget's form, perhaps leaving contact details and a message; it settles no
    /// question. A conversation a person already handles stays with them; a resolved one is reopened.
    /// </summary>
    public EscalationRequested RequestPerson(string reason, string? email, string? phone, string? message, DateTimeOffset now)
    {
        EnsureStarted();
        return new EscalationRequested(Id, null, reason, email, phone, now, message);
    }

    /// <summary>While a person handles the conversation the bot stays quiet: the open question waits for their reply.</summary>
    public QuestionHeldForHuman HoldForHuman(Guid messageId, DateTimeOffset now)
    {
        EnsureOpen(messageId);
        if (!BotStaysQuiet)
            throw new DomainRuleViolationException("not_with_a_person", "No person handles this conversation; the bot answers it.");
        return new QuestionHeldForHuman(Id, messageId, now);
    }

    /// <summary>A team member answers the visitor. From any state: a resolved conversation is reopened, with the person.</summary>
    public HumanReplied Reply(Guid messageId, Guid userId, string authorName, string content, DateTimeOffset now)
    {
        EnsureStarted();
        if (string.IsNullOrWhiteSpace(content))
            throw new DomainRuleViolationException("reply_required", "A reply must not be blank.");
        if (FindTurn(messageId) is not null || _humanReplyIds.Contains(messageId))
            throw new DomainRuleViolationException("message_exists", "The conversation already has a message with this id.");
        return new HumanReplied(Id, messageId, userId, authorName, content, now);
    }

    /// <summary>Gives an escalated or person-handled conversation back to the bot.</summary>
    public ConversationHandedBack HandBack(Guid userId, DateTimeOffset now)
    {
        EnsureStarted();
        if (Handling is not (ConversationHandling.Escalated or ConversationHandling.Human))
            throw new DomainRuleViolationException("not_with_a_person",
                $"Only an escalated or person-handled conversation can be handed back; this one is {Handling.ToString().ToLowerInvariant()}.");
        return new ConversationHandedBack(Id, userId, now);
    }

    /// <summary>Closes the conversation, whoever handled it; once.</summary>
    public ConversationResolved Resolve(Guid userId, DateTimeOffset now)
    {
        EnsureStarted();
        if (Handling == ConversationHandling.Resolved)
            throw new DomainRuleViolationException("already_resolved", "The conversation is already resolved.");
        return new ConversationResolved(Id, userId, now);
    }

    /// <summary>No answer could be produced (provider failure, visitor gone); the question stays recorded with why.</summary>
    public AnswerFailed Fail(Guid messageId, string code, string reason, DateTimeOffset now)
    {
        EnsureOpen(messageId);
        return new AnswerFailed(Id, messageId, code, reason, now);
    }

    /// <summary>
    /// Records the visitor's rating of what became of a question of this conversation, once it is settled; the rating names
    /// the question or the bot's reply to it, and is recorded on the question. A later rating replaces an earlier one. The
    /// comment is kept verbatim. The team's replies are not rated.
    /// </summary>
    public FeedbackGiven GiveFeedback(Guid messageId, bool helpful, string? comment, DateTimeOffset now)
    {
        if (_humanReplyIds.Contains(messageId))
            throw new DomainRuleViolationException("message_not_rateable", "Only the bot's answers can be rated.");
        var turn = _turns.Find(t => t.MessageId == messageId || t.ReplyId == messageId) ?? throw MessageNotFound();
        if (turn.Outcome == Asked)
            throw new DomainRuleViolationException("message_not_settled", "The question has not been answered yet.");
        return new FeedbackGiven(Id, turn.MessageId, helpful, string.IsNullOrEmpty(comment) ? null : comment, now);
    }

    /// <summary>Sets the review status; nothing happens (null) when it already has it.</summary>
    public ConversationReviewed? MarkReview(ReviewStatus status, Guid userId, DateTimeOffset now)
    {
        EnsureStarted();
        if (!Enum.IsDefined(status))
            throw new DomainRuleViolationException("review_status_unknown", "The review status is not one of new, reviewed, needs_follow_up.");
        return status == ReviewStatus ? null : new ConversationReviewed(Id, status, userId, now);
    }

    /// <summary>Rates the conversation from <see cref="MinRating"/> to <see cref="MaxRating"/>, or clears the rating (null); null when unchanged.</summary>
    public ConversationRated? Rate(int? rating, Guid userId, DateTimeOffset now)
    {
        EnsureStarted();
        if (rating is < MinRating or > MaxRating)
            throw new DomainRuleViolationException("rating_out_of_range", $"A rating is from {MinRating} to {MaxRating}.");
        return rating == Rating ? null : new ConversationRated(Id, rating, userId, now);
    }

    /// <summary>Replaces the internal notes; blank notes clear them. Null when unchanged.</summary>
    public ConversationNoted? Note(string? notes, Guid userId, DateTimeOffset now)
    {
        EnsureStarted();
        var kept = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (kept?.Length > MaxNotesLength)
            throw new DomainRuleViolationException("notes_too_long", $"Notes are at most {MaxNotesLength} characters.");
        return kept == Notes ? null : new ConversationNoted(Id, kept, userId, now);
    }

    /// <summary>
    /// Assigns the conversation to a team member, or unassigns it (null); null when unchanged. Whether the assignee belongs
    /// to the company is the company's to say, so the caller checks it.
    /// </summary>
    public ConversationAssigned? Assign(Guid? assigneeUserId, Guid userId, DateTimeOffset now)
    {
        EnsureStarted();
        if (assigneeUserId == Guid.Empty)
            throw new DomainRuleViolationException("assignee_required", "An assignee must be a user id.");
        return assigneeUserId == AssigneeUserId ? null : new ConversationAssigned(Id, assigneeUserId, userId, now);
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
                _turns.Add(new Turn(e.MessageId, e.Question, null, [], null, Asked));
                if (Handling == ConversationHandling.Resolved)
                    Handling = ConversationHandling.Bot;
                break;
            case AnswerGiven e:
                Complete(e.MessageId, t => t with { Answer = e.Answer, Sources = e.Sources, Confidence = e.Confidence, Outcome = "answered" });
                break;
            case QuestionUnanswered e:
                Complete(e.MessageId, t => t with { Confidence = e.Confidence, Outcome = e.Refused ? "refused" : "unanswered" });
                break;
            case EscalationRequested e:
                EscalationRequested = true;
                if (Handling is ConversationHandling.Bot or ConversationHandling.Resolved)
                    Handling = ConversationHandling.Escalated;
                if (e.MessageId is { } messageId)
                    Complete(messageId, t => t with { Outcome = "escalated" });
                break;
            case QuestionHeldForHuman e:
                Complete(e.MessageId, t => t with { Outcome = "awaiting_human" });
                break;
            case HumanReplied e:
                _humanReplyIds.Add(e.MessageId);
                Handling = ConversationHandling.Human;
                break;
            case ConversationHandedBack:
                Handling = ConversationHandling.Bot;
                break;
            case ConversationResolved:
                Handling = ConversationHandling.Resolved;
                break;
            case AnswerFailed e:
                Complete(e.MessageId, t => t with { Outcome = "failed" });
                break;
            case FeedbackGiven e:
                Complete(e.MessageId, t => t with { Helpful = e.Helpful });
                break;
            case ConversationReviewed e:
                ReviewStatus = e.Status;
                break;
            case ConversationRated e:
                Rating = e.Rating;
                break;
            case ConversationNoted e:
                Notes = e.Notes;
                break;
            case ConversationAssigned e:
                AssigneeUserId = e.AssigneeUserId;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private Turn? FindTurn(Guid messageId) => _turns.Find(t => t.MessageId == messageId);

    private void EnsureStarted()
    {
        if (Version == 0)
            throw new DomainRuleViolationException("conversation_not_started", "The conversation has not been started.");
    }

    /// <summary>The asked, not yet settled question: each question is settled exactly once.</summary>
    private Turn EnsureOpen(Guid messageId)
    {
        var turn = FindTurn(messageId) ?? throw MessageNotFound();
        if (turn.Outcome != Asked)
            throw new DomainRuleViolationException("message_already_settled", $"The question was already settled ({turn.Outcome}).");
        return turn;
    }

    private static void EnsureConfidence(double confidence)
    {
        if (confidence is < 0 or > 1 || double.IsNaN(confidence))
            throw new DomainRuleViolationException("confidence_out_of_range", "Confidence must be between 0 and 1.");
    }

    private static DomainRuleViolationException MessageNotFound() => new("message_not_found", "The conversation has no such message.");

    private void Complete(Guid messageId, Func<Turn, Turn> change)
    {
        var index = _turns.FindIndex(t => t.MessageId == messageId);
        if (index >= 0)
            _turns[index] = change(_turns[index]);
    }
}
