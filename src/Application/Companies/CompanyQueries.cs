using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Application.Companies;

internal static class CompanyQueries
{
    /// <summary>The caller's company read model (always present for a member).</summary>
    public static async Task<CompanyDetails> LoadCurrentAsync(this IReadStore readStore, IRequestContext context, CancellationToken cancellationToken) =>
        await readStore.LoadAsync<CompanyDetails>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");
}
