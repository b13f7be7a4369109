using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Evaluation;

/// <summary>A saved test prompt as the dashboard shows it.</summary>
public sealed record TestPromptView(
    Guid Id, string Question, Guid? ExpectedDocumentId, string? ExpectedDocument, int? ExpectedPage, IReadOnlyList<string> MustContain,
    bool MustRefuse, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TestPromptView Of(Guid id, string question, TestExpectation expectation, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, question, expectation.DocumentId, expectation.DocumentName, expectation.Page, expectation.Words, expectation.MustRefuse,
            createdAt, updatedAt);
}

/// <summary>Read model of a project's saved prompts (its <see cref="TestSuite"/> stream), kept by an inline projection.</summary>
public sealed class TestSuiteDetails
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>Oldest first.</summary>
    public List<TestPromptView> Prompts { get; set; } = [];
}
