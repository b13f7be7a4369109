using CleanRag.Domain.Common;

namespace CleanRag.Domain.Projects;

/// <summary>
/// A company's chatbot project, rebuilt from its event stream. Command methods check invariants and
/// return the events to append; <c>When</c> only changes state.
/// </summary>
public sealed class Project : AggregateRoot
{
    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public ProjectStatus Status { get; private set; }
    public ProjectSettings Settings { get; private set; } = ProjectSettings.Default;
    public WidgetSettings Widget { get; private set; } = WidgetSettings.Default;

    public static ProjectCreated Create(
        Guid projectId, Guid companyId, string name, string? description, ProjectSettings settings, Guid createdBy, DateTimeOffset now) =>
        new(projectId, companyId, name.Trim(), description?.Trim(), settings, createdBy, now);

    public ProjectRenamed Rename(string name, string? description)
    {
        EnsureNotArchived();
        return new ProjectRenamed(Id, name.Trim(), description?.Trim());
    }

    public ProjectSettingsChanged ChangeSettings(ProjectSettings settings)
    {
        EnsureNotArchived();
        return new ProjectSettingsChanged(Id, settings);
    }

    /// <summary>Replaces the widget's look and office hours; like other settings, not on an archived project.</summary>
    public WidgetConfigured ConfigureWidget(WidgetSettings widget)
    {
        EnsureNotArchived();
        return new WidgetConfigured(Id, widget);
    }

    public ProjectArchived Archive(Guid archivedBy, DateTimeOffset now)
    {
        EnsureNotArchived();
        return new ProjectArchived(Id, archivedBy, now);
    }

    /// <summary>
    /// Starts a deployment: the project is indexing until a document is indexed, and live at once when
    /// one already is. Redeploying a live project keeps it live.
    /// </summary>
    public IDomainEvent[] Deploy(bool hasIndexedDocument, Guid deployedBy, DateTimeOffset now)
    {
        EnsureNotArchived();
        var started = new ProjectDeploymentStarted(Id, deployedBy, now);
        return hasIndexedDocument || Status == ProjectStatus.Live ? [started, new ProjectWentLive(Id, now)] : [started];
    }

    /// <summary>A deploying project goes live with its first indexed document; otherwise nothing changes.</summary>
    public ProjectWentLive? GoLiveOnceIndexed(DateTimeOffset now) =>
        Status == ProjectStatus.Indexing ? new ProjectWentLive(Id, now) : null;

    private void EnsureNotArchived()
    {
        if (Status == ProjectStatus.Archived)
            throw new DomainRuleViolationException("project_archived", "The project is archived.");
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ProjectCreated e:
                Id = e.ProjectId;
                CompanyId = e.CompanyId;
                Name = e.Name;
                Description = e.Description;
                Settings = e.Settings;
                Status = ProjectStatus.Draft;
                break;
            case ProjectSettingsChanged e:
                Settings = e.Settings;
                break;
            case WidgetConfigured e:
                Widget = e.Widget;
                break;
            case ProjectRenamed e:
                Name = e.Name;
                Description = e.Description;
                break;
            case ProjectArchived:
                Status = ProjectStatus.Archived;
                break;
            case ProjectDeploymentStarted:
                Status = ProjectStatus.Indexing;
                break;
            case ProjectWentLive:
                Status = ProjectStatus.Live;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
