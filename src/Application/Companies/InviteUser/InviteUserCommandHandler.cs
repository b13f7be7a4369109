using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Users;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.InviteUser;

public sealed class InviteUserCommandHandler(IRequestContext context, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, InviteDelivery delivery)
    : ICommandHandler<InviteUserCommand, InviteResult>
{
    public async ValueTask<InviteResult> Handle(InviteUserCommand command, CancellationToken cancellationToken)
    {
        var role = command.Role!.Value;
        if (role == CompanyRole.Owner)
            CompanyCommands.EnsureMayManageOwners(context);

        var email = command.Email.Trim().ToLowerInvariant();
        var existingUser = (await readStore.ListAsync<UserAccountView>(q => q.Where(u => u.Email == email).Take(1), cancellationToken))
            .FirstOrDefault();
        if (existingUser is not null
            && await readStore.LoadAsync<MembershipView>(existingUser.Id, cancellationToken) is { } membership
            && membership.CompanyId != context.TenantId)
        {
            throw new ConflictException("member_of_another_company", "This person already belongs to another company.");
        }

        var company = await aggregates.LoadCompanyForUpdateAsync(context, cancellationToken);
        var (token, tokenHash, expiresAt) = delivery.NewToken();
        var invited = company.Invite(Guid.CreateVersion7(), email, role, tokenHash, expiresAt, context.UserId);
        aggregates.Append(company, invited);
        // The mail goes out only once the invite is stored.
        await unitOfWork.CommitAsync(cancellationToken);
        await delivery.SendAsync(email, company.Name, role, token, cancellationToken);
        return new InviteResult(invited.InviteId, email, role, expiresAt);
    }
}
