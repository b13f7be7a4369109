using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectOverview;

public sealed class GetProjectOverviewQueryHandler(IReadStore readStore) : IQueryHandler<GetProjectOverviewQuery, ProjectOverview>
{
    public async ValueTask<ProjectOverview> Handle(GetProjectOverviewQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var documents = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == query.ProjectId && d.Status != DocumentStatus.Deleted && d.Status != DocumentStatus.PendingUpload),
            cancellationToken);
        return new ProjectOverview(
            project.Id,
            project.Status,
            documents.Count,
            documents.Count(d => d.Status == DocumentStatus.Indexed),
            project.KeyIssued,
            project.WidgetEnabled,
            project.Settings.AllowedOrigins.Count > 0);
    }
}
