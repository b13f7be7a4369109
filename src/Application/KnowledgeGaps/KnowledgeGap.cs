using CleanRag.Application.Analytics;

namespace CleanRag.Application.KnowledgeGaps;

/// <summary>
/// A suggestion of what to add to the documents: a group of similarly worded questions the bot could not answer or whose
/// answers visitors rated down, with examples and counts since the first. <see cref="Status"/> is <c>open</c>,
/// <c>dismissed</c> or <c>done</c>; a gap marked done is open again (<see cref="Recurred"/>) once a question of it goes
/// unanswered or is rated down after the mark.
/// </summary>
public sealed record KnowledgeGap(
    Guid Id,
    string Suggestion,
    string Question,
    IReadOnlyList<string> Examples,
    int Asked,
    int Unanswered,
    int NegativeFeedback,
    int Impact,
    DateTimeOffset LastAskedAt,
    DateTimeOffset? LastProblemAt,
    string Status,
    bool Recurred,
    DateTimeOffset? DecidedAt)
{
    public const string Open = "open";
    public const string Dismissed = "dismissed";
    public const string Done = "done";

    public static KnowledgeGap From(QuestionGroup group, KnowledgeGapDecision? decision)
    {
        var recurred = decision is { Status: Done } && group.LastProblemAt > decision.DecidedAt;
        var status = decision is null || recurred ? Open : decision.Status;
        var question = group.Examples.FirstOrDefault() ?? group.Key;
        return new KnowledgeGap(
            group.Id, $"Add content about: {question}", question, group.Examples, group.Asked, group.Unanswered, group.NegativeFeedback,
            group.Impact, group.LastAskedAt, group.LastProblemAt, status, recurred, decision?.DecidedAt);
    }
}
