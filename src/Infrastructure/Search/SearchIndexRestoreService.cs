using CleanRag.Application.Common;
using CleanRag.Application.Companies;
using CleanRag.Application.Documents.RestoreSearchIndex;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Search;

/// <summary>
/// At start-up, compares the embedded search index with the documents of every tenant and has what it lost
/// indexed again (<see cref="SearchIndexRestorer"/>). Runs in the background once the host has started, so a large
/// corpus does not delay start-up; until a project's documents are indexed again, its chat answers from what its
/// index still holds, and the documents' statuses say "queued" or "processing".
/// </summary>
public sealed partial class SearchIndexRestoreService(
    IServiceScopeFactory scopes, IDocumentStore store, IHostApplicationLifetime lifetime, ILogger<SearchIndexRestoreService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After every hosted service has started: the schema exists and the bus consumes what gets queued.
        if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
            return;
        try
        {
            await RestoreAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(exception);
        }
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> tenants;
        await using (var session = store.QuerySession())
        {
            // A company's id is its tenant id.
            tenants = await session.Query<CompanyDetails>().Where(c => c.AnyTenant()).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var total = new SearchIndexRestoration(0, 0, 0, 0);
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().Set(tenantId, Guid.Empty);
            var restoration = await scope.ServiceProvider.GetRequiredService<SearchIndexRestorer>().RestoreAsync(cancellationToken);
            if (restoration.Lost > 0)
                LogTenantRestored(tenantId, restoration.Lost, restoration.Projects, restoration.Queued);
            total = new SearchIndexRestoration(total.Checked + restoration.Checked, total.Projects + restoration.Projects,
                total.Lost + restoration.Lost, total.Queued + restoration.Queued);
        }
        LogChecked(total.Checked, tenants.Count, total.Lost);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Search index of tenant {TenantId} lacked {Lost} indexed document(s) in {Projects} project(s); {Queued} queued to be indexed again from their stored files (chat answers from a partial index until then)")]
    private partial void LogTenantRestored(Guid tenantId, int lost, int projects, int queued);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Search index checked against {Documents} document(s) of {Tenants} tenant(s): {Lost} missing")]
    private partial void LogChecked(int documents, int tenants, int lost);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the search index against the documents failed; it is checked again at the next start")]
    private partial void LogFailed(Exception exception);
}
