using CleanRag.Application.Projects;
using CleanRag.Domain.Projects;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class ProjectDetailsProjection : SingleStreamProjection<ProjectDetails, Guid>
{
    public static ProjectDetails Create(IEvent<ProjectCreated> e) => new()
    {
        Id = e.Data.ProjectId,
        CompanyId = e.Data.CompanyId,
        Name = e.Data.Name,
        Description = e.Data.Description,
        Status = ProjectStatus.Draft,
        Settings = e.Data.Settings,
        CreatedAt = e.Data.CreatedAt,
        UpdatedAt = e.Timestamp,
        Version = e.Version,
    };

    public void Apply(IEvent<ProjectRenamed> e, ProjectDetails view)
    {
        view.Name = e.Data.Name;
        view.Description = e.Data.Description;
        Touch(view, e);
    }

    public void Apply(IEvent<ProjectSettingsChanged> e, ProjectDetails view)
    {
        view.Settings = e.Data.Settings;
        Touch(view, e);
    }

    public void Apply(IEvent<WidgetConfigured> e, ProjectDetails view)
    {
        view.Widget = e.Data.Widget;
        Touch(view, e);
    }

    public void Apply(IEvent<ProjectArchived> e, ProjectDetails view)
    {
        view.Status = ProjectStatus.Archived;
        Touch(view, e);
    }

    public void Apply(IEvent<ProjectDeploymentStarted> e, ProjectDetails view)
    {
        // Redeploying a live project keeps it live (the aggregate follows with ProjectWentLive).
        view.Status = ProjectStatus.Indexing;
        view.DeployedAt = e.Data.StartedAt;
        Touch(view, e);
    }

    public void Apply(IEvent<ProjectWentLive> e, ProjectDetails view)
    {
        view.Status = ProjectStatus.Live;
        view.LiveSince ??= e.Data.At;
        Touch(view, e);
    }

    // Re-embedding changes no detail shown here, but the version is the stream's: the ETag must match what If-Match is checked against.
    public void Apply(IEvent<ProjectReembeddingStarted> e, ProjectDetails view) => Touch(view, e);

    public void Apply(IEvent<ProjectReembeddingCompleted> e, ProjectDetails view) => Touch(view, e);

    public void Apply(IEvent<ProjectReembeddingFailed> e, ProjectDetails view) => Touch(view, e);

    private static void Touch(ProjectDetails view, IEvent e)
    {
        view.Version = e.Version;
        view.UpdatedAt = e.Timestamp;
    }
}
