using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Leads.GetLead;

/// <summary>A lead of the company (or only of <paramref name="ProjectId"/>, as an API key reads).</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetLeadQuery(Guid LeadId, Guid? ProjectId = null) : IQuery<LeadView>, IProjectFiltered
{
    public IProjectFiltered RestrictedTo(Guid projectId) => this with { ProjectId = projectId };
}
