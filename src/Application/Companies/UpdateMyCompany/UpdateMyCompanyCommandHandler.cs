using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Companies.UpdateMyCompany;

public sealed class UpdateMyCompanyCommandHandler(IRequestContext context, IEventStore eventStore, IReadStore readStore)
    : ICommandHandler<UpdateMyCompanyCommand, CompanyResult>
{
    public async ValueTask<CompanyResult> Handle(UpdateMyCompanyCommand command, CancellationToken cancellationToken)
    {
        await eventStore.ExecuteAsync(context, company => company.Rename(command.Name), cancellationToken);
        return CompanyResult.From(await readStore.LoadCurrentAsync(context, cancellationToken));
    }
}
