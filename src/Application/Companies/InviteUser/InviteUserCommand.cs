using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.InviteUser;

[Authorize(CompanyRole.Admin)]
public sealed record InviteUserCommand(string Email, CompanyRole? Role) : ICommand<InviteResult>;

public sealed record InviteResult(Guid InviteId, string Email, CompanyRole Role, DateTimeOffset ExpiresAt);
