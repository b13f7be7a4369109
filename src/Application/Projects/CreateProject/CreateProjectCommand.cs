using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.CreateProject;

/// <summary>Any member may create a project; giving settings or allowed origins needs the admin role.</summary>
[Authorize(CompanyRole.Member)]
public sealed record CreateProjectCommand(string Name, string? Description, ProjectSettingsInput? Settings = null)
    : ICommand<ProjectDetails>;
