using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectOverview;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetProjectOverviewQuery(Guid ProjectId) : IQuery<ProjectOverview>, IProjectScoped;

/// <summary>Set-up progress of a project, as the dashboard's checklist shows it.</summary>
public sealed record ProjectOverview(
    Guid ProjectId,
    ProjectStatus Status,
    int DocumentsUploaded,
    int DocumentsIndexed,
    bool KeyIssued,
    bool WidgetEnabled,
    bool AllowedOriginsSet);
