using CleanRag.Application.Analytics;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.KnowledgeGaps.ListKnowledgeGaps;

public sealed class ListKnowledgeGapsQueryHandler(IReadStore readStore) : IQueryHandler<ListKnowledgeGapsQuery, KnowledgeGapList>
{
    /// <summary>The most missed groups considered; a project with more problems sees its worst first anyway.</summary>
    private const int Considered = 2_000;

    public async ValueTask<KnowledgeGapList> Handle(ListKnowledgeGapsQuery query, CancellationToken cancellationToken)
    {
        _ = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var groups = await readStore.ListAsync<QuestionGroup>(
            q => q.Where(g => g.ProjectId == query.ProjectId && g.Impact > 0).OrderByDescending(g => g.Impact).ThenByDescending(g => g.LastProblemAt)
                .Take(Considered),
            cancellationToken);
        var decisions = (await readStore.ListAsync<KnowledgeGapDecision>(q => q.Where(d => d.ProjectId == query.ProjectId), cancellationToken))
            .ToDictionary(d => d.Id);
        var gaps = groups.Select(g => KnowledgeGap.From(g, decisions.GetValueOrDefault(g.Id)))
            .Where(g => g.Status == query.Status)
            .Take(query.Limit)
            .ToList();
        return new KnowledgeGapList(query.ProjectId, query.Status, gaps);
    }
}
