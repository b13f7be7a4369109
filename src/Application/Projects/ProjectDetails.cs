using CleanRag.Domain.Projects;

namespace CleanRag.Application.Projects;

/// <summary>Read model of one project, kept up to date by a projection of its stream.</summary>
public sealed class ProjectDetails
{
    public Guid Id { get; set; }
    public Guid CompanyId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ProjectStatus Status { get; set; }
    public ProjectSettings Settings { get; set; } = ProjectSettings.Default;
    public WidgetSettings Widget { get; set; } = WidgetSettings.Default;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
    public DateTimeOffset? DeployedAt { get; set; }
    public DateTimeOffset? LiveSince { get; set; }
}
