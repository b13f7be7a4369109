using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectHistory;

public sealed class GetProjectHistoryQueryHandler(IEventStore eventStore) : IQueryHandler<GetProjectHistoryQuery, AggregateHistory>
{
    public async ValueTask<AggregateHistory> Handle(GetProjectHistoryQuery query, CancellationToken cancellationToken)
    {
        var events = await eventStore.ReadStreamAsync(query.ProjectId, cancellationToken);
        // Only a project's own stream: any other stream id of the tenant (a key, a webhook, a conversation) is not a project.
        if (events.Count == 0 || events[0].Data is not ProjectCreated)
            throw new NotFoundException("Project");

        var upTo = events.Where(e => (query.Version is null || e.Version <= query.Version)
                                     && (query.AsOf is null || e.Timestamp <= query.AsOf)).ToList();
        if (query.Version is null && query.AsOf is null)
            return new AggregateHistory(query.ProjectId, events[^1].Version, null, events);

        Project? state = query.Version is { } version
            ? await eventStore.LoadAtVersionAsync<Project>(query.ProjectId, version, cancellationToken)
            : await eventStore.LoadAtTimeAsync<Project>(query.ProjectId, query.AsOf!.Value, cancellationToken);
        if (upTo.Count == 0 || state is null || state.Version == 0)
            throw new NotFoundException("Project at that point");
        return new AggregateHistory(query.ProjectId, state.Version, ProjectSnapshot.From(state), upTo);
    }
}

/// <summary>A project's state as the audit API shows it.</summary>
public sealed record ProjectSnapshot(Guid Id, string Name, string? Description, ProjectStatus Status, ProjectSettings Settings, long Version)
{
    public static ProjectSnapshot From(Project project) =>
        new(project.Id, project.Name, project.Description, project.Status, project.Settings, project.Version);
}
