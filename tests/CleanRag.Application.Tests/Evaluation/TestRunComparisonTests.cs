using CleanRag.Application.Evaluation;
using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Tests.Evaluation;

public class TestRunComparisonTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static TestPromptResult Result(int index, Guid? promptId, string question, bool passed) =>
        new(index, promptId, question, TestExpectationView.Of(TestExpectation.None), "answer", "answered", [], 0.5, 10, passed, [], Now);

    private static TestRunDetails Run(params TestPromptResult[] results) =>
        new() { Id = Guid.NewGuid(), StartedAt = Now, Status = TestRunStatus.Completed, Results = [.. results] };

    [Test]
    public void Each_prompt_is_regressed_fixed_unchanged_or_new_against_the_previous_run()
    {
        var (kept, broken, repaired) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var previous = Run(Result(0, kept, "Kept?", true), Result(1, broken, "Broken?", true), Result(2, repaired, "Repaired?", false),
            Result(3, null, "Ad hoc?", false));
        var current = Run(Result(0, kept, "Kept?", true), Result(1, broken, "Broken?", false), Result(2, repaired, "Repaired?", true),
            Result(3, null, "AD HOC?", false), Result(4, Guid.NewGuid(), "Added since?", true));

        var comparison = TestRunComparison.Of(current, previous);

        comparison.Prompts.Select(p => p.Change).Should().Equal("unchanged", "regressed", "fixed", "unchanged", "new");
        comparison.Should().Match<TestRunComparison>(c =>
            c.PreviousRunId == previous.Id && c.Regressed == 1 && c.Fixed == 1 && c.Unchanged == 2 && c.New == 1);
        comparison.Prompts[1].Should().Match<PromptComparison>(p => p.PassedBefore == true && !p.PassedNow && p.PromptId == broken);
    }
}
