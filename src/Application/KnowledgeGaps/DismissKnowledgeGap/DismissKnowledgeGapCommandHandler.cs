using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.KnowledgeGaps.DismissKnowledgeGap;

public sealed class DismissKnowledgeGapCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<DismissKnowledgeGapCommand, KnowledgeGap>
{
    public async ValueTask<KnowledgeGap> Handle(DismissKnowledgeGapCommand command, CancellationToken cancellationToken) =>
        await KnowledgeGapDecisions.DecideAsync(aggregates, unitOfWork, readStore, command.ProjectId, command.GapId,
            project => project.DismissKnowledgeGap(command.GapId, context.UserId, clock.GetUtcNow()), cancellationToken);
}
