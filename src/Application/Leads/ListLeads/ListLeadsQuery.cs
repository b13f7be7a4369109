using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Leads.ListLeads;

/// <summary>The workspace's leads, newest first, filtered (<see cref="ILeadFilter"/>), a page at a time.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListLeadsQuery(
    Guid? ProjectId = null, string? Status = null, string? Source = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Q = null,
    int Page = 1, int PageSize = 50) : IQuery<LeadPage>, ILeadFilter, IProjectFiltered
{
    public IProjectFiltered RestrictedTo(Guid projectId) => this with { ProjectId = projectId };
}

/// <param name="HasMore">Another page follows this one.</param>
public sealed record LeadPage(int Page, int PageSize, bool HasMore, IReadOnlyList<LeadView> Items);
