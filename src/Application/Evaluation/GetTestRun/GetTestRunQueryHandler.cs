using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Evaluation;
using Mediator;

namespace CleanRag.Application.Evaluation.GetTestRun;

public sealed class GetTestRunQueryHandler(IReadStore readStore) : IQueryHandler<GetTestRunQuery, TestRunView>
{
    public async ValueTask<TestRunView> Handle(GetTestRunQuery query, CancellationToken cancellationToken)
    {
        var run = await readStore.LoadTestRunAsync(query.ProjectId, query.RunId, cancellationToken);
        var previous = await readStore.ListAsync<TestRunDetails>(
            q => q.Where(r => r.ProjectId == run.ProjectId && r.Status == TestRunStatus.Completed && r.StartedAt < run.StartedAt)
                .OrderByDescending(r => r.StartedAt).Take(1),
            cancellationToken);
        return TestRunView.Of(run, previous.Count == 0 ? null : TestRunComparison.Of(run, previous[0]));
    }
}
