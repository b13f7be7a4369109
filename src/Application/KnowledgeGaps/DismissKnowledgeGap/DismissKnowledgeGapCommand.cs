using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.KnowledgeGaps.DismissKnowledgeGap;

/// <summary>Hides a knowledge gap from the open list (<c>KnowledgeGapDismissed</c> on the project's stream).</summary>
[Authorize(CompanyRole.Admin)]
public sealed record DismissKnowledgeGapCommand(Guid ProjectId, Guid GapId) : ICommand<KnowledgeGap>;
