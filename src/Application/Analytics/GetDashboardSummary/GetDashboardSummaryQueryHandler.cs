using CleanRag.Application.Analytics.GetAnalyticsSummary;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Analytics.GetDashboardSummary;

public sealed class GetDashboardSummaryQueryHandler(IReadStore readStore, TimeProvider clock) : IQueryHandler<GetDashboardSummaryQuery, DashboardSummary>
{
    public async ValueTask<DashboardSummary> Handle(GetDashboardSummaryQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = AnalyticsRange.Resolve(null, null, clock.GetUtcNow());
        var projects = await readStore.ListAsync<ProjectDetails>(q => q.OrderBy(p => p.CreatedAt), cancellationToken);
        var days = (await GetAnalyticsSummaryQueryHandler.WorkspaceDaysAsync(readStore, from, to, cancellationToken)).ToLookup(d => d.ProjectId);
        var totals = (await readStore.ListAsync<ProjectAnalyticsTotals>(q => q, cancellationToken)).ToDictionary(t => t.ProjectId);

        return new DashboardSummary(
            from,
            to,
            projects.Count(p => p.Status != ProjectStatus.Archived),
            projects.Count(p => p.Status == ProjectStatus.Live),
            AnalyticsKpis.Sum(days.SelectMany(d => d)),
            AnalyticsKpis.Sum(totals.Values),
            projects.Select(p => new ProjectRollup(
                    p.Id, p.Name, p.Status, AnalyticsKpis.Sum(days[p.Id]),
                    AnalyticsKpis.Sum(totals.TryGetValue(p.Id, out var t) ? [t] : [])))
                .ToList());
    }
}
