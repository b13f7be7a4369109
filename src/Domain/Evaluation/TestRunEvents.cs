using CleanRag.Domain.Common;

namespace CleanRag.Domain.Evaluation;

/// <summary>
/// A test run was asked for: the prompts it runs, as they stood (saved ones keep their <see cref="RunPrompt.PromptId"/>,
/// ad-hoc ones have none). The prompts run asynchronously, through the project's settings of the moment they run.
/// </summary>
public sealed record TestRunStarted(
    Guid RunId, Guid ProjectId, IReadOnlyList<RunPrompt> Prompts, Guid StartedBy, DateTimeOffset StartedAt) : IDomainEvent;

/// <summary>One prompt ran through the chat and was judged against its expectation.</summary>
/// <param name="Outcome">The chat's outcome: answered, unanswered, escalated, failed (the chat itself failed).</param>
public sealed record TestPromptEvaluated(
    Guid RunId, int Index, string Answer, string Outcome, IReadOnlyList<RunSource> Sources, double Confidence, long LatencyMs, bool Passed,
    IReadOnlyList<string> Reasons, DateTimeOffset EvaluatedAt) : IDomainEvent;

public sealed record TestRunCompleted(Guid RunId, int Passed, int Failed, DateTimeOffset CompletedAt) : IDomainEvent;

/// <summary>The run could not finish (its project is gone, or the chat kept failing past every retry).</summary>
public sealed record TestRunFailed(Guid RunId, string Reason, DateTimeOffset FailedAt) : IDomainEvent;

/// <summary>A prompt of a run, at its position (<paramref name="Index"/>) in the run.</summary>
public sealed record RunPrompt(int Index, Guid? PromptId, string Question, TestExpectation Expectation);

/// <summary>A source the answer cited: the document, its title, and the pages the cited passage spans.</summary>
public sealed record RunSource(Guid DocumentId, string Title, int? PageNumber, int? PageEnd);
