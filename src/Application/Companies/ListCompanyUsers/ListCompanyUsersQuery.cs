using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ListCompanyUsers;

[Authorize(CompanyRole.Member)]
public sealed record ListCompanyUsersQuery : IQuery<IReadOnlyList<TeamMember>>;
