using CleanRag.Application.Analytics;
using CleanRag.Application.Analytics.GetAnalyticsSummary;
using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectOverview;

public sealed class GetProjectOverviewQueryHandler(IReadStore readStore, TimeProvider clock) : IQueryHandler<GetProjectOverviewQuery, ProjectOverview>
{
    public async ValueTask<ProjectOverview> Handle(GetProjectOverviewQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var documents = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == query.ProjectId && d.Status != DocumentStatus.Deleted && d.Status != DocumentStatus.PendingUpload),
            cancellationToken);
        var activeKeys = await readStore.ListAsync<ApiKeyDetails>(
            q => q.Where(k => k.ProjectId == query.ProjectId && k.Status == ApiKeyStatus.Active).Take(1), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (from, to) = AnalyticsRange.Resolve(null, null, clock.GetUtcNow());
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var first = from < monthStart ? from : monthStart;
        var days = await GetAnalyticsSummaryQueryHandler.ProjectDaysAsync(readStore, project.Id, first, to, cancellationToken);
        var totals = await readStore.LoadAsync<ProjectAnalyticsTotals>(project.Id, cancellationToken);
        var month = days.Where(d => d.DayNumber >= monthStart.DayNumber).ToList();
        return new ProjectOverview(
            project.Id,
            project.Status,
            documents.Count,
            documents.Count(d => d.Status == DocumentStatus.Indexed),
            activeKeys.Count > 0,
            project.Settings.WidgetEnabled,
            project.Settings.AllowedOrigins.Count > 0,
            AnalyticsKpis.Sum(days.Where(d => d.DayNumber >= from.DayNumber)),
            AnalyticsKpis.Sum(totals is null ? [] : [totals]),
            new MonthlyUsage($"{monthStart:yyyy-MM}", month.Sum(d => d.Conversations), month.Sum(d => d.Messages)));
    }
}
