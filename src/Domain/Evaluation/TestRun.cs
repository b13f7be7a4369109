using CleanRag.Domain.Common;

namespace CleanRag.Domain.Evaluation;

/// <summary>
/// One run of test prompts through a project's chat: which prompts, each one's verdict (recorded once, in any order, so a
/// resumed run only evaluates what is left), and how it ended.
/// </summary>
public sealed class TestRun : AggregateRoot
{
    public const int MaxPrompts = TestSuite.MaxPrompts;

    private readonly HashSet<int> _evaluated = [];
    private int _passed;

    public Guid ProjectId { get; private set; }
    public IReadOnlyList<RunPrompt> Prompts { get; private set; } = [];
    public TestRunStatus Status { get; private set; }

    public bool IsFinished => Status is TestRunStatus.Completed or TestRunStatus.Failed;

    public bool IsPending(int index) => !IsFinished && !_evaluated.Contains(index);

    /// <summary>The prompts not yet evaluated, in run order.</summary>
    public IReadOnlyList<RunPrompt> Remaining => [.. Prompts.Where(p => !_evaluated.Contains(p.Index))];

    public static TestRunStarted Start(
        Guid runId, Guid projectId, IReadOnlyList<(Guid? PromptId, string Question, TestExpectation Expectation)> prompts, Guid startedBy,
        DateTimeOffset now)
    {
        if (prompts.Count == 0)
            throw new DomainRuleViolationException("no_test_prompts", "A test run needs at least one prompt; save some or send ad-hoc prompts.");
        if (prompts.Count > MaxPrompts)
            throw new DomainRuleViolationException("too_many_prompts", $"A test run runs at most {MaxPrompts} prompts.");
        return new TestRunStarted(runId, projectId,
            [.. prompts.Select((p, index) => new RunPrompt(index, p.PromptId, p.Question.Trim(), p.Expectation))], startedBy, now);
    }

    public TestPromptEvaluated Evaluate(
        int index, string answer, string outcome, IReadOnlyList<RunSource> sources, double confidence, long latencyMs, bool passed,
        IReadOnlyList<string> reasons, DateTimeOffset now)
    {
        EnsureNotFinished();
        if (index < 0 || index >= Prompts.Count)
            throw new DomainRuleViolationException("prompt_not_in_run", "The run has no such prompt.");
        if (_evaluated.Contains(index))
            throw new DomainRuleViolationException("prompt_already_evaluated", "The prompt was already evaluated in this run.");
        return new TestPromptEvaluated(Id, index, answer, outcome, sources, confidence, latencyMs, passed, reasons, now);
    }

    /// <summary>Completes the run once every prompt has its verdict, with the counts.</summary>
    public TestRunCompleted Complete(DateTimeOffset now)
    {
        EnsureNotFinished();
        if (_evaluated.Count < Prompts.Count)
            throw new DomainRuleViolationException("run_incomplete", "Some prompts of the run are not evaluated yet.");
        return new TestRunCompleted(Id, _passed, Prompts.Count - _passed, now);
    }

    public TestRunFailed Fail(string reason, DateTimeOffset now)
    {
        EnsureNotFinished();
        return new TestRunFailed(Id, reason, now);
    }

    private void EnsureNotFinished()
    {
        if (IsFinished)
            throw new DomainRuleViolationException("run_finished", "The test run has finished.");
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case TestRunStarted e:
                Id = e.RunId;
                ProjectId = e.ProjectId;
                Prompts = e.Prompts;
                Status = TestRunStatus.Queued;
                break;
            case TestPromptEvaluated e:
                _evaluated.Add(e.Index);
                if (e.Passed)
                    _passed++;
                Status = TestRunStatus.Running;
                break;
            case TestRunCompleted:
                Status = TestRunStatus.Completed;
                break;
            case TestRunFailed:
                Status = TestRunStatus.Failed;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
