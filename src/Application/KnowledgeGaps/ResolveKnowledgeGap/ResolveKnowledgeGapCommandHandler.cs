using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.KnowledgeGaps.ResolveKnowledgeGap;

public sealed class ResolveKnowledgeGapCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<ResolveKnowledgeGapCommand, KnowledgeGap>
{
    public async ValueTask<KnowledgeGap> Handle(ResolveKnowledgeGapCommand command, CancellationToken cancellationToken) =>
        await KnowledgeGapDecisions.DecideAsync(aggregates, unitOfWork, readStore, command.ProjectId, command.GapId,
            project => project.ResolveKnowledgeGap(command.GapId, context.UserId, clock.GetUtcNow()), cancellationToken);
}
