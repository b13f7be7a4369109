using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.GetMyCompany;

[Authorize(CompanyRole.Member)]
public sealed record GetMyCompanyQuery : IQuery<CompanyResult>;
