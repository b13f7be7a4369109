using CleanRag.Application.Common.Security;
using Mediator;

namespace CleanRag.Application.Companies.CreateCompany;

/// <summary>Company sign-up: creates the company with the caller as its owner.</summary>
[Authorize]
public sealed record CreateCompanyCommand(string Name) : ICommand<CompanyResult>;
