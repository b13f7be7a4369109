namespace CleanRag.Application.Evaluation;

/// <summary>How a run's results compare with the project's previous completed run, prompt by prompt.</summary>
public sealed record TestRunComparison(
    Guid PreviousRunId, DateTimeOffset PreviousStartedAt, int Regressed, int Fixed, int Unchanged, int New, IReadOnlyList<PromptComparison> Prompts)
{
    public const string RegressedChange = "regressed";
    public const string FixedChange = "fixed";
    public const string UnchangedChange = "unchanged";
    public const string NewChange = "new";

    /// <summary>
    /// Each evaluated prompt of <paramref name="current"/> against the same prompt in <paramref name="previous"/>: saved prompts by id,
    /// ad-hoc ones by their question (ignoring case). <c>regressed</c>: passed before, fails now; <c>fixed</c>: the reverse;
    /// <c>new</c>: not in the previous run.
    /// </summary>
    public static TestRunComparison Of(TestRunDetails current, TestRunDetails previous)
    {
        var before = previous.Results.GroupBy(Key).ToDictionary(g => g.Key, g => g.First().Passed);
        var prompts = current.Results.OrderBy(r => r.Index).Select(r =>
        {
            bool? passedBefore = before.TryGetValue(Key(r), out var p) ? p : null;
            var change = passedBefore switch
            {
                null => NewChange,
                true when !r.Passed => RegressedChange,
                false when r.Passed => FixedChange,
                _ => UnchangedChange,
            };
            return new PromptComparison(r.Index, r.PromptId, r.Question, change, passedBefore, r.Passed);
        }).ToList();
        return new TestRunComparison(previous.Id, previous.StartedAt, Count(RegressedChange), Count(FixedChange), Count(UnchangedChange),
            Count(NewChange), prompts);

        int Count(string change) => prompts.Count(p => p.Change == change);
    }

    private static string Key(TestPromptResult result) =>
        result.PromptId is { } id ? id.ToString() : "question:" + result.Question.ToLowerInvariant();
}

/// <param name="Change">regressed, fixed, unchanged or new.</param>
public sealed record PromptComparison(int Index, Guid? PromptId, string Question, string Change, bool? PassedBefore, bool PassedNow);
