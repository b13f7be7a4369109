using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Evaluation;

internal static class EvaluationGuards
{
    /// <summary>The project's saved prompts (none yet: an empty list).</summary>
    public static async Task<IReadOnlyList<TestPromptView>> LoadTestPromptsAsync(this IReadStore readStore, Guid projectId, CancellationToken cancellationToken) =>
        (await readStore.LoadAsync<TestSuiteDetails>(TestSuiteIds.For(projectId), cancellationToken))?.Prompts ?? [];

    /// <summary>The run's read model, only if it belongs to the project.</summary>
    public static async Task<TestRunDetails> LoadTestRunAsync(this IReadStore readStore, Guid projectId, Guid runId, CancellationToken cancellationToken)
    {
        var run = await readStore.LoadAsync<TestRunDetails>(runId, cancellationToken);
        return run is not null && run.ProjectId == projectId ? run : throw new NotFoundException("Test run");
    }

    /// <summary>An expected document given by id must be one of the project's documents (a bad id is the request's fault: 400).</summary>
    public static async Task EnsureExpectedDocumentsExistAsync(
        this IReadStore readStore, Guid projectId, IEnumerable<(string Field, Guid? DocumentId)> expected, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, documentId) in expected)
        {
            if (documentId is not { } id)
                continue;
            var document = await readStore.LoadAsync<DocumentDetails>(id, cancellationToken);
            if (document is null || document.ProjectId != projectId)
                errors[field] = ["expectedDocumentId is not a document of this project."];
        }
        if (errors.Count > 0)
            throw new RequestValidationException(errors);
    }
}
