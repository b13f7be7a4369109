using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.UpdateMyCompany;

[Authorize(CompanyRole.Admin)]
public sealed record UpdateMyCompanyCommand(string Name) : ICommand<CompanyResult>;
