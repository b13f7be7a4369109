using CleanRag.Domain.Common;

namespace CleanRag.Domain.Evaluation;

/// <summary>
/// A project's saved test prompts, one stream per project (<see cref="TestSuiteIds"/>): the limit on how many a project keeps
/// holds across all of them, and a test run takes the whole set as it stands at one version.
/// </summary>
public sealed class TestSuite : AggregateRoot
{
    public const int MaxPrompts = 500;
    public const int MaxQuestionLength = 1_000;

    private readonly List<TestPrompt> _prompts = [];

    public Guid ProjectId { get; private set; }

    /// <summary>The saved prompts, oldest first.</summary>
    public IReadOnlyList<TestPrompt> Prompts => _prompts;

    public TestPrompt? Find(Guid promptId) => _prompts.Find(p => p.Id == promptId);

    /// <summary>Adds a prompt; a new suite (no events yet) belongs to <paramref name="projectId"/> from then on.</summary>
    public TestPromptAdded Add(Guid projectId, Guid promptId, string question, TestExpectation expectation, Guid addedBy, DateTimeOffset now)
    {
        if (Version > 0 && projectId != ProjectId)
            throw new DomainRuleViolationException("wrong_project", "The prompt belongs to another project's suite.");
        if (_prompts.Count >= MaxPrompts)
            throw new DomainRuleViolationException("too_many_prompts", $"A project keeps at most {MaxPrompts} test prompts.");
        return new TestPromptAdded(TestSuiteIds.For(projectId), projectId, promptId, Question(question), expectation, addedBy, now);
    }

    public TestPromptChanged Change(Guid promptId, string question, TestExpectation expectation, Guid changedBy, DateTimeOffset now)
    {
        EnsureSaved(promptId);
        return new TestPromptChanged(Id, promptId, Question(question), expectation, changedBy, now);
    }

    public TestPromptRemoved Remove(Guid promptId, Guid removedBy, DateTimeOffset now)
    {
        EnsureSaved(promptId);
        return new TestPromptRemoved(Id, promptId, removedBy, now);
    }

    private static string Question(string question)
    {
        var trimmed = question.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxQuestionLength)
            throw new DomainRuleViolationException("invalid_question", $"A test prompt's question has 1 to {MaxQuestionLength} characters.");
        return trimmed;
    }

    private void EnsureSaved(Guid promptId)
    {
        if (Find(promptId) is null)
            throw new DomainRuleViolationException("prompt_not_found", "The project has no such test prompt.");
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case TestPromptAdded e:
                Id = e.SuiteId;
                ProjectId = e.ProjectId;
                _prompts.Add(new TestPrompt(e.PromptId, e.Question, e.Expectation));
                break;
            case TestPromptChanged e:
                _prompts[_prompts.FindIndex(p => p.Id == e.PromptId)] = new TestPrompt(e.PromptId, e.Question, e.Expectation);
                break;
            case TestPromptRemoved e:
                _prompts.RemoveAll(p => p.Id == e.PromptId);
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}

/// <summary>A saved prompt: the question and what its answer must show.</summary>
public sealed record TestPrompt(Guid Id, string Question, TestExpectation Expectation);
