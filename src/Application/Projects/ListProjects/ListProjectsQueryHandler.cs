using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.ListProjects;

public sealed class ListProjectsQueryHandler(IReadStore readStore) : IQueryHandler<ListProjectsQuery, IReadOnlyList<ProjectDetails>>
{
    public async ValueTask<IReadOnlyList<ProjectDetails>> Handle(ListProjectsQuery query, CancellationToken cancellationToken) =>
        await readStore.ListAsync<ProjectDetails>(
            projects =>
            {
                var listed = query.IncludeArchived ? projects : projects.Where(p => p.Status != ProjectStatus.Archived);
                if (query.ProjectId is { } projectId)
                    listed = listed.Where(p => p.Id == projectId);
                return listed.OrderByDescending(p => p.CreatedAt);
            },
            cancellationToken);
}
