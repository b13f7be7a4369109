using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.RemoveUser;

public sealed class RemoveUserCommandHandler(IRequestContext context, IEventStore eventStore) : ICommandHandler<RemoveUserCommand>
{
    public async ValueTask<Unit> Handle(RemoveUserCommand command, CancellationToken cancellationToken)
    {
        var company = await eventStore.LoadAsync<Company>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");
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

        await eventStore.AppendAsync(company.Id, company.Version, [change], cancellationToken);
        return Unit.Value;
    }
}
