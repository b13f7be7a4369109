using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ChangeUserRole;

public sealed class ChangeUserRoleCommandHandler(IRequestContext context, IAggregateStore aggregates)
    : ICommandHandler<ChangeUserRoleCommand, TeamMember>
{
    public async ValueTask<TeamMember> Handle(ChangeUserRoleCommand command, CancellationToken cancellationToken)
    {
        var role = command.Role!.Value;
        var company = await aggregates.LoadCompanyForUpdateAsync(context, cancellationToken);
        var member = company.FindMember(command.UserId) ?? throw new NotFoundException("User");
        if (member.Role == CompanyRole.Owner || role == CompanyRole.Owner)
            CompanyCommands.EnsureMayManageOwners(context);

        aggregates.Append(company, company.ChangeRole(member.UserId, role));
        return new TeamMember(member.UserId, member.Email, member.Name, role, "active", null);
    }
}
