using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Companies.GetMyCompany;

public sealed class GetMyCompanyQueryHandler(IRequestContext context, IReadStore readStore) : IQueryHandler<GetMyCompanyQuery, CompanyResult>
{
    public async ValueTask<CompanyResult> Handle(GetMyCompanyQuery query, CancellationToken cancellationToken) =>
        CompanyResult.From(await readStore.LoadCurrentAsync(context, cancellationToken));
}
