using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.Evaluation.ListTestRuns;

public sealed class ListTestRunsQueryHandler(IReadStore readStore) : IQueryHandler<ListTestRunsQuery, IReadOnlyList<TestRunSummary>>
{
    public async ValueTask<IReadOnlyList<TestRunSummary>> Handle(ListTestRunsQuery query, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(query.ProjectId, cancellationToken);
        var runs = await readStore.ListAsync<TestRunDetails>(
            q => q.Where(r => r.ProjectId == query.ProjectId).OrderByDescending(r => r.StartedAt)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize),
            cancellationToken);
        return [.. runs.Select(TestRunSummary.Of)];
    }
}
