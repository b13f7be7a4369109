using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies;

internal static class CompanyCommands
{
    /// <summary>The caller's company, for a change.</summary>
    public static async Task<Company> LoadCompanyForUpdateAsync(this IAggregateStore aggregates, IRequestContext context, CancellationToken cancellationToken) =>
        await aggregates.LoadForUpdateAsync<Company>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");

    /// <summary>Changes that touch an owner (or make one) need the owner role.</summary>
    public static void EnsureMayManageOwners(IRequestContext context)
    {
        if (context.Role != CompanyRole.Owner)
            throw new ForbiddenException("Only an owner may grant, change or remove the owner role.");
    }
}
