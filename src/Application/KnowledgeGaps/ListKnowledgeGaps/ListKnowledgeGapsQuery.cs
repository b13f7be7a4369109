using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.KnowledgeGaps.ListKnowledgeGaps;

/// <summary>A project's knowledge gaps of one status (<c>open</c> by default), most missed content first.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListKnowledgeGapsQuery(Guid ProjectId, string Status = KnowledgeGap.Open, int Limit = 50) : IQuery<KnowledgeGapList>, IProjectScoped;

public sealed record KnowledgeGapList(Guid ProjectId, string Status, IReadOnlyList<KnowledgeGap> Items);
