using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies.InviteUser;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ResendInvite;

public sealed class ResendInviteCommandHandler(IRequestContext context, IAggregateStore aggregates, IUnitOfWork unitOfWork, InviteDelivery delivery)
    : ICommandHandler<ResendInviteCommand, InviteResult>
{
    public async ValueTask<InviteResult> Handle(ResendInviteCommand command, CancellationToken cancellationToken)
    {
        var company = await aggregates.LoadCompanyForUpdateAsync(context, cancellationToken);
        var invite = company.FindInvite(command.InviteId) ?? throw new NotFoundException("Invite");
        var (token, tokenHash, expiresAt) = delivery.NewToken();
        aggregates.Append(company, company.ResendInvite(invite.InviteId, tokenHash, expiresAt));
        // The mail goes out only once the new token is stored.
        await unitOfWork.CommitAsync(cancellationToken);
        await delivery.SendAsync(invite.Email, company.Name, invite.Role, token, cancellationToken);
        return new InviteResult(invite.InviteId, invite.Email, invite.Role, expiresAt);
    }
}
