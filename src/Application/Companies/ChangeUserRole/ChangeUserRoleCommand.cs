using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ChangeUserRole;

[Authorize(CompanyRole.Admin)]
public sealed record ChangeUserRoleCommand(Guid UserId, CompanyRole? Role) : ICommand<TeamMember>;
