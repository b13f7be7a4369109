using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ChangeUserRole;

public sealed class ChangeUserRoleCommandHandler(IRequestContext context, IEventStore eventStore)
    : ICommandHandler<ChangeUserRoleCommand, TeamMember>
{
    public async ValueTask<TeamMember> Handle(ChangeUserRoleCommand command, CancellationToken cancellationToken)
    {
        var role = command.Role!.Value;
        var company = await eventStore.LoadAsync<Company>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");
        var member = company.FindMember(command.UserId) ?? throw new NotFoundException("User");
        if (member.Role == CompanyRole.Owner || role == CompanyRole.Owner)
            CompanyCommands.EnsureMayManageOwners(context);

        await eventStore.AppendAsync(company.Id, company.Version, [company.ChangeRole(member.UserId, role)], cancellationToken);
        return new TeamMember(member.UserId, member.Email, member.Name, role, "active", null);
    }
}
