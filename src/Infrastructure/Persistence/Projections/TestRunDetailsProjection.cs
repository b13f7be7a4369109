using CleanRag.Application.Evaluation;
using CleanRag.Domain.Evaluation;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class TestRunDetailsProjection : SingleStreamProjection<TestRunDetails, Guid>
{
    public override TestRunDetails? Evolve(TestRunDetails? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case TestRunStarted started:
                return new TestRunDetails
                {
                    Id = started.RunId, ProjectId = started.ProjectId, Status = TestRunStatus.Queued, Prompts = [.. started.Prompts],
                    StartedBy = started.StartedBy, StartedAt = started.StartedAt,
                };
            case TestPromptEvaluated evaluated when snapshot is not null:
                var prompt = snapshot.Prompts[evaluated.Index];
                snapshot.Results.Add(new TestPromptResult(evaluated.Index, prompt.PromptId, prompt.Question, TestExpectationView.Of(prompt.Expectation),
                    evaluated.Answer, evaluated.Outcome, evaluated.Sources, evaluated.Confidence, evaluated.LatencyMs, evaluated.Passed,
                    evaluated.Reasons, evaluated.EvaluatedAt));
                snapshot.Status = TestRunStatus.Running;
                break;
            case TestRunCompleted completed when snapshot is not null:
                snapshot.Status = TestRunStatus.Completed;
                snapshot.Passed = completed.Passed;
                snapshot.Failed = completed.Failed;
                snapshot.FinishedAt = completed.CompletedAt;
                break;
            case TestRunFailed failed when snapshot is not null:
                snapshot.Status = TestRunStatus.Failed;
                snapshot.FailureReason = failed.Reason;
                snapshot.FinishedAt = failed.FailedAt;
                break;
        }
        return snapshot;
    }
}
