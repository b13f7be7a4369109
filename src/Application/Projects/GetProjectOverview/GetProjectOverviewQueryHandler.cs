using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectOverview;

public sealed class GetProjectOverviewQueryHandler(IReadStore readStore) : IQueryHandler<GetProjectOverviewQuery, ProjectOverview>
{
    public async ValueTask<ProjectOverview> Handle(GetProjectOverviewQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        return new ProjectOverview(
            project.Id,
            project.Status,
            project.DocumentsUploaded,
            project.DocumentsIndexed,
            project.KeyIssued,
            project.WidgetEnabled,
            project.Settings.AllowedOrigins.Count > 0);
    }
}
