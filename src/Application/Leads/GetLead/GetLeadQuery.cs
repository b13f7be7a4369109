using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Leads.GetLead;

[Authorize(CompanyRole.Member)]
public sealed record GetLeadQuery(Guid LeadId) : IQuery<LeadView>;
