using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectHistory;

public sealed class GetProjectHistoryQueryHandler(AggregateHistoryReader history) : IQueryHandler<GetProjectHistoryQuery, AggregateHistory>
{
    public async ValueTask<AggregateHistory> Handle(GetProjectHistoryQuery query, CancellationToken cancellationToken) =>
        await history.ReadAsync<Project>(query.ProjectId, query.Version, query.AsOf, "Project",
            belongs: _ => true, snapshot: ProjectSnapshot.From, cancellationToken);
}

/// <summary>A project's state as the audit API shows it.</summary>
public sealed record ProjectSnapshot(Guid Id, string Name, string? Description, ProjectStatus Status, ProjectSettings Settings, long Version)
{
    public static ProjectSnapshot From(Project project) =>
        new(project.Id, project.Name, project.Description, project.Status, project.Settings, project.Version);
}
