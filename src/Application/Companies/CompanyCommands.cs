using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies;

internal static class CompanyCommands
{
    /// <summary>Loads the caller's company, lets <paramref name="decide"/> produce an event, and appends it.</summary>
    public static async Task ExecuteAsync(
        this IEventStore eventStore, IRequestContext context, Func<Company, IDomainEvent> decide, CancellationToken cancellationToken)
    {
        var company = await eventStore.LoadAsync<Company>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");
        await eventStore.AppendAsync(company.Id, company.Version, [decide(company)], cancellationToken);
    }

    /// <summary>Changes that touch an owner (or make one) need the owner role.</summary>
    public static void EnsureMayManageOwners(IRequestContext context)
    {
        if (context.Role != CompanyRole.Owner)
            throw new ForbiddenException("Only an owner may grant, change or remove the owner role.");
    }
}
