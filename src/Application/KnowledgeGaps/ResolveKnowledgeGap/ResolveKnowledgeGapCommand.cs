using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.KnowledgeGaps.ResolveKnowledgeGap;

/// <summary>Marks a knowledge gap done (<c>KnowledgeGapResolved</c>): the documents now cover it.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record ResolveKnowledgeGapCommand(Guid ProjectId, Guid GapId) : ICommand<KnowledgeGap>;
