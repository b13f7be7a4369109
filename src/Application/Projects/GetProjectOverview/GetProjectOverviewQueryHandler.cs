using CleanRag.Application.ApiKeys;
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
        var activeKeys = await readStore.ListAsync<ApiKeyDetails>(
            q => q.Where(k => k.ProjectId == query.ProjectId && k.Status == ApiKeyStatus.Active).Take(1), cancellationToken);
        return new ProjectOverview(
            project.Id,
            project.Status,
            documents.Count,
            documents.Count(d => d.Status == DocumentStatus.Indexed),
            activeKeys.Count > 0,
            project.Settings.WidgetEnabled,
            project.Settings.AllowedOrigins.Count > 0);
    }
}
