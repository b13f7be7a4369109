using CleanRag.Application.Analytics;
using CleanRag.Domain.Projects;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>The latest decision about each knowledge gap. Inline, so the list shows a decision as soon as it was taken.</summary>
internal sealed partial class KnowledgeGapDecisionProjection : EventProjection
{
    public void Project(IEvent<KnowledgeGapDismissed> e, IDocumentOperations operations) =>
        operations.Store(new KnowledgeGapDecision
        {
            Id = e.Data.GapId, ProjectId = e.Data.ProjectId, Status = "dismissed", DecidedBy = e.Data.DismissedBy, DecidedAt = e.Data.At,
        });

    public void Project(IEvent<KnowledgeGapResolved> e, IDocumentOperations operations) =>
        operations.Store(new KnowledgeGapDecision
        {
            Id = e.Data.GapId, ProjectId = e.Data.ProjectId, Status = "done", DecidedBy = e.Data.ResolvedBy, DecidedAt = e.Data.At,
        });
}
