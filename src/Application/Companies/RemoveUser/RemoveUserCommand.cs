using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.RemoveUser;

/// <summary>Removes a member, or cancels a pending invite when the id is an invite's.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record RemoveUserCommand(Guid UserId) : ICommand;
