using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Auth.GetCurrentUser;

[Authorize]
public sealed record GetCurrentUserQuery : IQuery<CurrentUser>;

public sealed record CurrentUser(Guid UserId, string Email, string Name, Guid? CompanyId, CompanyRole? Role);
