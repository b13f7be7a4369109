using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;

namespace CleanRag.Application.Plans;

/// <summary>
/// The plan of the request's company (dashboard user, API key, or the company of a widget's project): the one an operator
/// assigned (<c>CompanyPlanChanged</c>), else the installation's default.
/// </summary>
public sealed class CompanyPlans(IReadStore readStore, IRequestContext context, PlanCatalog catalog)
{
    public async Task<Plan> CurrentAsync(CancellationToken cancellationToken)
    {
        var company = await readStore.LoadAsync<CompanyDetails>(context.TenantId, cancellationToken);
        return catalog.For(company?.Plan);
    }
}
