using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;

namespace CleanRag.Application.Plans;

/// <summary>
/// The plan of the request's company (dashboard user, API key, or the company of a widget's project): the one an operator
/// assigned (<c>CompanyPlanChanged</c>), else the installation's default. Read once per request (scope): a chat checks its
/// quota and its handoff feature, a keyed read its API access and then whatever its handler checks.
/// </summary>
public sealed class CompanyPlans(IReadStore readStore, IRequestContext context, PlanCatalog catalog)
{
    private (Guid TenantId, Plan Plan)? _current;

    public async Task<Plan> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && current.TenantId == context.TenantId)
            return current.Plan;
        // A key's request has its company from the key's authentication (read in the same round trip as its project).
        var company = context.ApiKey is { Company: { } keyCompany } && keyCompany.Id == context.TenantId
            ? keyCompany
            : await readStore.LoadAsync<CompanyDetails>(context.TenantId, cancellationToken);
        var plan = catalog.For(company?.Plan);
        _current = (context.TenantId, plan);
        return plan;
    }
}
