using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Documents;

internal static class DocumentGuards
{
    /// <summary>The caller's project (404 for another tenant's); archived projects take no new knowledge.</summary>
    public static async Task<ProjectDetails> LoadWritableProjectAsync(this IReadStore readStore, Guid projectId, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(projectId, cancellationToken) ?? throw new NotFoundException("Project");
        if (project.Status == ProjectStatus.Archived)
            throw new ConflictException("project_archived", "The project is archived.");
        return project;
    }

    /// <summary>The document, for a change, only if it belongs to the project and is not deleted.</summary>
    public static async Task<Document> LoadDocumentForUpdateAsync(this IAggregateStore aggregates, Guid projectId, Guid documentId, CancellationToken cancellationToken)
    {
        var document = await aggregates.LoadForUpdateAsync<Document>(documentId, cancellationToken);
        if (document is null || document.ProjectId != projectId || document.IsDeleted)
            throw new NotFoundException("Document");
        return document;
    }
}
