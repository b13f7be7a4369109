using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies.InviteUser;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ResendInvite;

public sealed class ResendInviteCommandHandler(IRequestContext context, IEventStore eventStore, InviteDelivery delivery)
    : ICommandHandler<ResendInviteCommand, InviteResult>
{
    public async ValueTask<InviteResult> Handle(ResendInviteCommand command, CancellationToken cancellationToken)
    {
        var company = await eventStore.LoadAsync<Company>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");
        var invite = company.FindInvite(command.InviteId) ?? throw new NotFoundException("Invite");
        var (token, tokenHash, expiresAt) = delivery.NewToken();
        await eventStore.AppendAsync(company.Id, company.Version, [company.ResendInvite(invite.InviteId, tokenHash, expiresAt)], cancellationToken);
        await delivery.SendAsync(invite.Email, company.Name, invite.Role, token, cancellationToken);
        return new InviteResult(invite.InviteId, invite.Email, invite.Role, expiresAt);
    }
}
