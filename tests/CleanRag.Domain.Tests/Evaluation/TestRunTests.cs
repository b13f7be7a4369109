using CleanRag.Domain.Common;
using CleanRag.Domain.Evaluation;

namespace CleanRag.Domain.Tests.Evaluation;

public class TestRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static TestRun Started(int prompts)
    {
        var run = new TestRun();
        run.ApplyEvent(TestRun.Start(Guid.NewGuid(), Guid.NewGuid(),
            [.. Enumerable.Range(0, prompts).Select(i => ((Guid?)Guid.NewGuid(), $" Question {i}? ", TestExpectation.None))], Guid.NewGuid(), Now));
        return run;
    }

    private static TestPromptEvaluated Verdict(TestRun run, int index, bool passed) =>
        run.Evaluate(index, "An answer.", "answered", [], 0.8, 120, passed, passed ? [] : ["missing word 'copay'"], Now);

    [Test]
    public void A_run_starts_queued_with_its_prompts_numbered_in_order()
    {
        var run = Started(3);

        run.Status.Should().Be(TestRunStatus.Queued);
        run.Prompts.Select(p => (p.Index, p.Question)).Should().Equal((0, "Question 0?"), (1, "Question 1?"), (2, "Question 2?"));
        run.Remaining.Should().HaveCount(3);
    }

    [TestCase(0, "no_test_prompts")]
    [TestCase(501, "too_many_prompts")]
    public void A_run_has_between_one_and_500_prompts(int prompts, string code) =>
        FluentActions.Invoking(() => Started(prompts)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(code);

    [Test]
    public void Each_prompt_is_evaluated_once_and_what_is_left_is_what_a_resumed_run_does()
    {
        var run = Started(3);

        run.ApplyEvent(Verdict(run, 1, passed: true));

        run.Status.Should().Be(TestRunStatus.Running);
        run.Remaining.Select(p => p.Index).Should().Equal(0, 2);
        run.Invoking(r => Verdict(r, 1, passed: false)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("prompt_already_evaluated");
        run.Invoking(r => Verdict(r, 3, passed: true)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("prompt_not_in_run");
    }

    [Test]
    public void A_run_completes_only_when_every_prompt_has_its_verdict_and_counts_them()
    {
        var run = Started(3);
        run.ApplyEvent(Verdict(run, 0, passed: true));
        run.ApplyEvent(Verdict(run, 2, passed: false));
        run.Invoking(r => r.Complete(Now)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("run_incomplete");

        run.ApplyEvent(Verdict(run, 1, passed: true));
        var completed = run.Complete(Now);
        run.ApplyEvent(completed);

        completed.Should().Match<TestRunCompleted>(c => c.Passed == 2 && c.Failed == 1);
        run.Status.Should().Be(TestRunStatus.Completed);
        run.Invoking(r => r.Fail("late", Now)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("run_finished");
    }

    [Test]
    public void A_failed_run_takes_no_more_verdicts()
    {
        var run = Started(2);
        run.ApplyEvent(run.Fail("The project is archived or gone.", Now));

        run.IsFinished.Should().BeTrue();
        run.Invoking(r => Verdict(r, 0, passed: true)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("run_finished");
    }
}
