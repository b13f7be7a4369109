using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Users;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.CreateCompany;

public sealed class CreateCompanyCommandHandler(IRequestContext context, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, TimeProvider clock)
    : ICommandHandler<CreateCompanyCommand, CompanyResult>
{
    public async ValueTask<CompanyResult> Handle(CreateCompanyCommand command, CancellationToken cancellationToken)
    {
        if (context.TenantId != Guid.Empty)
            throw AlreadyInCompany();
        var user = await readStore.LoadAsync<UserAccountView>(context.UserId, cancellationToken) ?? throw new UnauthorizedException();

        var companyId = Guid.CreateVersion7();
        var created = Company.Create(companyId, command.Name, user.Id, user.Email, user.Name, clock.GetUtcNow());
        try
        {
            aggregates.ForTenant(companyId).Start<Company>(companyId, created);
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch (DuplicateException)
        {
            // The membership read model is keyed by user: a concurrent sign-up of the same user lost the race.
            throw AlreadyInCompany();
        }

        return new CompanyResult(companyId, created.Name, WorkspaceSettings.Default, created.CreatedAt, 1, 1);
    }

    private static ConflictException AlreadyInCompany() =>
        new("already_in_company", "You already belong to a company.");
}
