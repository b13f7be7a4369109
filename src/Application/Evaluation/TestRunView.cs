using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Evaluation;

/// <summary>A test run as listed: status and counts.</summary>
public sealed record TestRunSummary(
    Guid Id, Guid ProjectId, TestRunStatus Status, int PromptCount, int Evaluated, int Passed, int Failed, string? FailureReason,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public static TestRunSummary Of(TestRunDetails run) =>
        new(run.Id, run.ProjectId, run.Status, run.Prompts.Count, run.Results.Count, run.Results.Count(r => r.Passed),
            run.Results.Count(r => !r.Passed), run.FailureReason, run.StartedAt, run.FinishedAt);
}

/// <summary>One test run in full: status and counts, each prompt's result in run order, and the comparison with the previous completed run.</summary>
public sealed record TestRunView(
    Guid Id, Guid ProjectId, TestRunStatus Status, int PromptCount, int Evaluated, int Passed, int Failed, string? FailureReason,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyList<TestPromptResult> Results, TestRunComparison? Comparison)
{
    public static TestRunView Of(TestRunDetails run, TestRunComparison? comparison)
    {
        var s = TestRunSummary.Of(run);
        return new(s.Id, s.ProjectId, s.Status, s.PromptCount, s.Evaluated, s.Passed, s.Failed, s.FailureReason, s.StartedAt, s.FinishedAt,
            [.. run.Results.OrderBy(r => r.Index)], comparison);
    }
}
