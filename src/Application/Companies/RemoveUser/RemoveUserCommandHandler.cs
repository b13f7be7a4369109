using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.RemoveUser;

public sealed class RemoveUserCommandHandler(IRequestContext context, IAggregateStore aggregates) : ICommandHandler<RemoveUserCommand>
{
    public async ValueTask<Unit> Handle(RemoveUserCommand command, CancellationToken cancellationToken)
    {
        var company = await aggregates.LoadCompanyForUpdateAsync(context, cancellationToken);
        IDomainEvent change;
        if (company.FindMember(command.UserId) is { } member)
        {
            if (member.Role == CompanyRole.Owner)
                CompanyCommands.EnsureMayManageOwners(context);
            change = company.Remove(member.UserId);
        }
        else if (company.FindInvite(command.UserId) is { } invite)
        {
            change = company.CancelInvite(invite.InviteId);
        }
        else
        {
            throw new NotFoundException("User");
        }

        aggregates.Append(company, change);
        return Unit.Value;
    }
}
