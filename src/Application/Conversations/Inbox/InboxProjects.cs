using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;

namespace CleanRag.Application.Conversations.Inbox;

internal static class InboxProjects
{
    /// <summary>A project filter must name a project of the caller's company (archived ones included): otherwise 404.</summary>
    public static async Task EnsureExistsAsync(IReadStore readStore, Guid? projectId, CancellationToken cancellationToken)
    {
        if (projectId is { } id && await readStore.LoadAsync<ProjectDetails>(id, cancellationToken) is null)
            throw new NotFoundException("Project");
    }
}
