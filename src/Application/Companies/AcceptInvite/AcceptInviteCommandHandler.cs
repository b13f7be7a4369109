using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using CleanRag.Application.Users;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.AcceptInvite;

public sealed class AcceptInviteCommandHandler(IRequestContext context, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, TimeProvider clock)
    : ICommandHandler<AcceptInviteCommand, AcceptedInvite>
{
    public async ValueTask<AcceptedInvite> Handle(AcceptInviteCommand command, CancellationToken cancellationToken)
    {
        // Every invite the caller may not accept answers exactly like an unknown token, so guessing or intercepting a
        // token never confirms it is valid. Only an invite addressed to the caller gets a more specific answer.
        var tokenHash = SecretTokens.Hash(command.Token);
        var invite = await readStore.LoadAsync<InviteView>(tokenHash, cancellationToken) ?? throw new NotFoundException("Invite");
        var user = await readStore.LoadAsync<UserAccountView>(context.UserId, cancellationToken) ?? throw new UnauthorizedException();
        var companyStore = aggregates.ForTenant(invite.CompanyId);
        var company = await companyStore.LoadForUpdateAsync<Company>(invite.CompanyId, cancellationToken) ?? throw new NotFoundException("Invite");
        var now = clock.GetUtcNow();
        if (company.FindAcceptableInvite(tokenHash, user.Email, now) is null)
            throw new NotFoundException("Invite");
        if (context.TenantId != Guid.Empty)
            throw new ConflictException("already_in_company", "You already belong to a company.");

        var joined = company.AcceptInvite(tokenHash, user.Id, user.Email, user.Name, now);
        try
        {
            companyStore.Append(company, joined);
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch (DuplicateException)
        {
            throw new ConflictException("already_in_company", "You already belong to a company.");
        }
        return new AcceptedInvite(company.Id, company.Name, joined.Role);
    }
}
