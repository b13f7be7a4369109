using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Evaluation;

/// <summary>Read model of one test run (its stream), kept by an inline projection: status, counts, and each prompt's result.</summary>
public sealed class TestRunDetails
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public TestRunStatus Status { get; set; }
    public List<RunPrompt> Prompts { get; set; } = [];

    /// <summary>In the order the prompts were evaluated.</summary>
    public List<TestPromptResult> Results { get; set; } = [];
    public int Passed { get; set; }
    public int Failed { get; set; }
    public string? FailureReason { get; set; }
    public Guid StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>One prompt's result in a run: what was asked and expected, what the chat answered, and the verdict with its reasons.</summary>
public sealed record TestPromptResult(
    int Index, Guid? PromptId, string Question, TestExpectationView Expected, string Answer, string Outcome, IReadOnlyList<RunSource> Sources,
    double Confidence, long LatencyMs, bool Passed, IReadOnlyList<string> Reasons, DateTimeOffset EvaluatedAt);

/// <summary>A prompt's expectation in the shape clients send it.</summary>
public sealed record TestExpectationView(Guid? ExpectedDocumentId, string? ExpectedDocument, int? ExpectedPage, IReadOnlyList<string> MustContain, bool MustRefuse)
{
    public static TestExpectationView Of(TestExpectation e) => new(e.DocumentId, e.DocumentName, e.Page, e.Words, e.MustRefuse);
}
