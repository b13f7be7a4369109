using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.UpdateProject;

/// <summary>
/// Partial update. <paramref name="ExpectedVersion"/> (from If-Match) makes it fail with a conflict
/// if someone else changed the project since the caller read it.
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record UpdateProjectCommand(
    Guid ProjectId, long? ExpectedVersion, string? Name, string? Description, ProjectSettingsInput? Settings) : ICommand<ProjectDetails>;
