using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Companies.UpdateMyCompany;

public sealed class UpdateMyCompanyCommandHandler(IRequestContext context, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore)
    : ICommandHandler<UpdateMyCompanyCommand, CompanyResult>
{
    public async ValueTask<CompanyResult> Handle(UpdateMyCompanyCommand command, CancellationToken cancellationToken)
    {
        var company = await aggregates.LoadCompanyForUpdateAsync(context, cancellationToken);
        aggregates.Append(company, company.Rename(command.Name));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return CompanyResult.From(await readStore.LoadCurrentAsync(context, cancellationToken));
    }
}
