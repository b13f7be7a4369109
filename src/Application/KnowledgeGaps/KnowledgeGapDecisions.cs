using CleanRag.Application.Analytics;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.KnowledgeGaps;

/// <summary>Records an admin's decision about a gap on the project's stream and answers the gap as it now stands.</summary>
public static class KnowledgeGapDecisions
{
    public static async Task<KnowledgeGap> DecideAsync(
        IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, Guid projectId, Guid gapId,
        Func<Project, IDomainEvent> decide, CancellationToken cancellationToken)
    {
        var project = await aggregates.LoadForUpdateAsync<Project>(projectId, cancellationToken) ?? throw new NotFoundException("Project");
        var group = await readStore.LoadAsync<QuestionGroup>(gapId, cancellationToken);
        if (group is null || group.ProjectId != projectId || group.Impact == 0)
            throw new NotFoundException("Knowledge gap");
        aggregates.Append(project, decide(project));
        await unitOfWork.CommitAsync(cancellationToken); // the decision's read model is inline: readable now
        return KnowledgeGap.From(group, await readStore.LoadAsync<KnowledgeGapDecision>(gapId, cancellationToken));
    }
}
