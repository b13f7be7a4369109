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
    /// <summary>The embedding model the project's chunks are being embedded with again, while that runs; otherwise null.</summary>
    public string? ReembeddingTo { get; private set; }

    private readonly HashSet<Guid> _dismissedGaps = [];

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

    /// <summary>Hides a knowledge gap from the open list for good (it stays listed as dismissed). Once is enough.</summary>
    public KnowledgeGapDismissed DismissKnowledgeGap(Guid gapId, Guid userId, DateTimeOffset now)
    {
        EnsureNotArchived();
        if (_dismissedGaps.Contains(gapId))
            throw new DomainRuleViolationException("knowledge_gap_already_dismissed", "The knowledge gap is already dismissed.");
        return new KnowledgeGapDismissed(Id, gapId, userId, now);
    }

    /// <summary>
    /// Marks a knowledge gap done (the documents were completed). Marking it again is allowed: after the problem recurred, a new
    /// mark moves the point after which new problems reopen it. A dismissed gap can be marked done, which takes it back.
    /// </summary>
    public KnowledgeGapResolved ResolveKnowledgeGap(Guid gapId, Guid userId, DateTimeOffset now)
    {
        EnsureNotArchived();
        return new KnowledgeGapResolved(Id, gapId, userId, now);
    }

    /// <summary>
    /// Starts embedding the project's chunks again with <paramref name="toModel"/>; null when that is already under way
    /// (a restart resumes it without a second start in the history).
    /// </summary>
    public ProjectReembeddingStarted? StartReembedding(string fromModel, string toModel, int chunkCount, DateTimeOffset now) =>
        ReembeddingTo == toModel ? null : new ProjectReembeddingStarted(Id, fromModel, toModel, chunkCount, now);

    public ProjectReembeddingCompleted CompleteReembedding(string toModel, int chunkCount, DateTimeOffset now) =>
        new(Id, toModel, chunkCount, now);

    public ProjectReembeddingFailed FailReembedding(string toModel, string reason, DateTimeOffset now) =>
        new(Id, toModel, reason, now);

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
            case KnowledgeGapDismissed e:
                _dismissedGaps.Add(e.GapId);
                break;
            case KnowledgeGapResolved e:
                _dismissedGaps.Remove(e.GapId);
                break;
            case ProjectReembeddingStarted e:
                ReembeddingTo = e.ToModel;
                break;
            case ProjectReembeddingCompleted or ProjectReembeddingFailed:
                ReembeddingTo = null;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
