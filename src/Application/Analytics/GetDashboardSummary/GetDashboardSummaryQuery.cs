using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Analytics.GetDashboardSummary;

/// <summary>The workspace's figures over the last 30 UTC days and since the start, and each project's.</summary>
[Authorize(CompanyRole.Member)]
public sealed record GetDashboardSummaryQuery : IQuery<DashboardSummary>;

public sealed record DashboardSummary(
    DateOnly From,
    DateOnly To,
    int Projects,
    int LiveProjects,
    AnalyticsKpis Last30Days,
    AnalyticsKpis AllTime,
    IReadOnlyList<ProjectRollup> ProjectRollups);

public sealed record ProjectRollup(Guid ProjectId, string Name, ProjectStatus Status, AnalyticsKpis Last30Days, AnalyticsKpis AllTime);
