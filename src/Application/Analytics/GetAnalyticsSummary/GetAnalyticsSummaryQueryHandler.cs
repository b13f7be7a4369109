using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.Analytics.GetAnalyticsSummary;

/// <summary>Reads the per-day documents of the range (one per project and day) and merges them; no event is read.</summary>
public sealed class GetAnalyticsSummaryQueryHandler(IReadStore readStore, TimeProvider clock)
    : IQueryHandler<GetAnalyticsSummaryQuery, AnalyticsSummary>
{
    private const int TopCount = 10;

    public async ValueTask<AnalyticsSummary> Handle(GetAnalyticsSummaryQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = AnalyticsRange.Resolve(query.From, query.To, clock.GetUtcNow());
        var days = await (query.ProjectId is { } projectId
            ? ProjectDaysAsync(readStore, projectId, from, to, cancellationToken)
            : WorkspaceDaysAsync(readStore, from, to, cancellationToken));

        var questions = new Dictionary<string, (QuestionTally Tally, string Example)>();
        foreach (var (key, tally) in days.SelectMany(d => d.Questions))
        {
            if (!questions.TryGetValue(key, out var merged))
                questions[key] = merged = (new QuestionTally(), tally.Example);
            merged.Tally.Asked += tally.Asked;
            merged.Tally.Unanswered += tally.Unanswered;
            merged.Tally.NegativeFeedback += tally.NegativeFeedback;
        }
        var byDay = days.GroupBy(d => d.DayNumber).ToDictionary(g => g.Key, g => g.ToList());
        return new AnalyticsSummary(
            query.ProjectId,
            from,
            to,
            AnalyticsKpis.Sum(days),
            Top(questions.Values, t => t.Asked),
            Top(questions.Values.Where(q => q.Tally.Unanswered > 0), t => t.Unanswered),
            AnalyticsRange.Days(from, to).Select(day => Day(day, byDay.GetValueOrDefault(day.DayNumber) ?? [])).ToList());
    }

    /// <summary>A project's days of the range; another company's or an unknown project is a 404.</summary>
    public static async Task<IReadOnlyList<ProjectDayStats>> ProjectDaysAsync(
        IReadStore readStore, Guid projectId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        _ = await readStore.LoadAsync<ProjectDetails>(projectId, cancellationToken) ?? throw new NotFoundException("Project");
        int first = from.DayNumber, last = to.DayNumber;
        return await readStore.ListAsync<ProjectDayStats>(
            q => q.Where(d => d.ProjectId == projectId && d.DayNumber >= first && d.DayNumber <= last), cancellationToken);
    }

    public static Task<IReadOnlyList<ProjectDayStats>> WorkspaceDaysAsync(
        IReadStore readStore, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        int first = from.DayNumber, last = to.DayNumber;
        return readStore.ListAsync<ProjectDayStats>(q => q.Where(d => d.DayNumber >= first && d.DayNumber <= last), cancellationToken);
    }

    private static List<TopQuestion> Top(IEnumerable<(QuestionTally Tally, string Example)> questions, Func<QuestionTally, int> by) =>
        questions.OrderByDescending(q => by(q.Tally)).ThenByDescending(q => q.Tally.Asked).ThenBy(q => q.Example, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(q => new TopQuestion(q.Example, q.Tally.Asked, q.Tally.Unanswered, q.Tally.NegativeFeedback))
            .ToList();

    private static AnalyticsDay Day(DateOnly date, List<ProjectDayStats> projects) => new(
        date,
        projects.Sum(p => p.Conversations),
        projects.Sum(p => p.Messages),
        projects.Sum(p => p.Answered),
        projects.Sum(p => p.Unanswered),
        projects.Sum(p => p.Refused),
        projects.Sum(p => p.PositiveFeedback),
        projects.Sum(p => p.NegativeFeedback),
        projects.Sum(p => p.Escalations),
        projects.Sum(p => p.Leads));
}
