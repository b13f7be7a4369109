using CleanRag.Application.Analytics;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectOverview;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetProjectOverviewQuery(Guid ProjectId) : IQuery<ProjectOverview>, IProjectScoped;

/// <summary>
/// Set-up progress of a project, as the dashboard's checklist shows it, and its conversations: the last 30 UTC days, since
/// the start, and this calendar month's usage (kept by the analytics projection, so a few seconds behind the chat).
/// </summary>
public sealed record ProjectOverview(
    Guid ProjectId,
    ProjectStatus Status,
    int DocumentsUploaded,
    int DocumentsIndexed,
    bool KeyIssued,
    bool WidgetEnabled,
    bool AllowedOriginsSet,
    AnalyticsKpis Last30Days,
    AnalyticsKpis AllTime,
    MonthlyUsage ThisMonth);

/// <summary>Conversations and visitors' questions of the UTC calendar month <paramref name="Month"/> (<c>2026-12</c>), test chats excluded.</summary>
public sealed record MonthlyUsage(string Month, int Conversations, int Messages);
