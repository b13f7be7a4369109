namespace CleanRag.Application.Conversations;

/// <summary>
/// What became of a conversation's questions, as the inbox filters on it. A conversation <em>has</em> an outcome when at least
/// one of its questions had it, so one conversation may have several:
/// <list type="bullet">
/// <item><c>answered</c>: the bot gave a grounded answer citing the documents (<c>AnswerGiven</c>);</item>
/// <item><c>unanswered</c>: retrieval found nothing relevant, so the bot said it could not find that in the documents
/// (<c>QuestionUnanswered</c>): a gap in the knowledge;</item>
/// <item><c>refused</c>: passages were found and an answer generated, but the guardrail withheld it because nothing it said was
/// backed by a cited passage above the project's relevance threshold (<c>QuestionUnanswered</c> with <c>refused: true</c>): the
/// visitor got the same honest "I couldn't find that", but the documents may hold something close.</item>
/// </list>
/// Escalations, failures (<c>AnswerFailed</c>) and questions held for a person are none of these: the <c>handling</c> filter and
/// the transcript show them.
/// </summary>
public static class ConversationOutcomes
{
    public const string Answered = "answered";
    public const string Unanswered = "unanswered";
    public const string Refused = "refused";

    public static readonly IReadOnlyList<string> All = [Answered, Unanswered, Refused];
}
