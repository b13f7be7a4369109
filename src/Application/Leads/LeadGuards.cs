using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Application.Leads;

internal static class LeadGuards
{
    /// <summary>The caller's lead; another company's answers 404 like an unknown id (the read store is the tenant's).</summary>
    public static async Task<LeadDetails> LoadLeadAsync(this IReadStore readStore, Guid leadId, CancellationToken cancellationToken) =>
        await readStore.LoadAsync<LeadDetails>(leadId, cancellationToken) ?? throw new NotFoundException("Lead");
}
