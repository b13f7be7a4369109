using CleanRag.Domain.Common;

namespace CleanRag.Domain.Projects;

/// <summary>
/// A company's chatbot project, rebuilt from its event stream. Command methods check invariants and
/// return the events to append; <c>Apply</c> methods only change state.
/// </summary>
public sealed class Project
{
    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public ProjectStatus Status { get; private set; }

    /// <summary>The stream version this state reflects; set by the event store.</summary>
    public long Version { get; set; }

    public static ProjectCreated Create(
        Guid projectId, Guid companyId, string name, string? description, Guid createdBy, DateTimeOffset now) =>
        new(projectId, companyId, name.Trim(), description?.Trim(), createdBy, now);

    public ProjectRenamed Rename(string name, string? description)
    {
        EnsureNotArchived();
        return new ProjectRenamed(Id, name.Trim(), description?.Trim());
    }

    public ProjectArchived Archive(Guid archivedBy, DateTimeOffset now)
    {
        EnsureNotArchived();
        return new ProjectArchived(Id, archivedBy, now);
    }

    private void EnsureNotArchived()
    {
        if (Status == ProjectStatus.Archived)
            throw new DomainRuleViolationException("project_archived", "The project is archived.");
    }

    public void Apply(ProjectCreated e)
    {
        Id = e.ProjectId;
        CompanyId = e.CompanyId;
        Name = e.Name;
        Description = e.Description;
        Status = ProjectStatus.Draft;
    }

    public void Apply(ProjectRenamed e)
    {
        Name = e.Name;
        Description = e.Description;
    }

    public void Apply(ProjectArchived _) => Status = ProjectStatus.Archived;
}
