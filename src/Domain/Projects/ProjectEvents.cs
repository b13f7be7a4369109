using CleanRag.Domain.Common;

namespace CleanRag.Domain.Projects;

public sealed record ProjectCreated(
    Guid ProjectId,
    Guid CompanyId,
    string Name,
    string? Description,
    ProjectSettings Settings,
    Guid CreatedBy,
    DateTimeOffset CreatedAt) : IDomainEvent;

public sealed record ProjectRenamed(Guid ProjectId, string Name, string? Description) : IDomainEvent;

public sealed record ProjectSettingsChanged(Guid ProjectId, ProjectSettings Settings) : IDomainEvent;

public sealed record ProjectArchived(Guid ProjectId, Guid ArchivedBy, DateTimeOffset ArchivedAt) : IDomainEvent;
