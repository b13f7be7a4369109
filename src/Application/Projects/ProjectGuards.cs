using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Projects;

internal static class ProjectGuards
{
    /// <summary>The caller's project (404 for another tenant's); archived projects take no new knowledge.</summary>
    public static async Task<ProjectDetails> LoadWritableProjectAsync(this IReadStore readStore, Guid projectId, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(projectId, cancellationToken) ?? throw new NotFoundException("Project");
        if (project.Status == ProjectStatus.Archived)
            throw new ConflictException("project_archived", "The project is archived.");
        return project;
    }

    /// <summary>The caller's project; another tenant's answers 404.</summary>
    public static async Task EnsureProjectExistsAsync(this IReadStore readStore, Guid projectId, CancellationToken cancellationToken)
    {
        if (await readStore.LoadAsync<ProjectDetails>(projectId, cancellationToken) is null)
            throw new NotFoundException("Project");
    }
}
