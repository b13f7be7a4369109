using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.ReembedProject;
using CleanRag.Application.Search;
using CleanRag.Domain.Projects;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Search;

/// <summary>
/// After start-up, moves every project whose index is in another embedding space than the configured model's into that
/// space (<see cref="ProjectReembedder"/>), one project at a time so chat and ingestion keep most of the machine. The
/// configured model only changes with a restart, so one sweep per start is enough; a sweep cut short by a shutdown, and a
/// project that failed, are taken up again at the next start. A hosted service rather than a reaction to an event: the
/// trigger is the configuration the process started with, which no event records.
/// </summary>
public sealed partial class ReembeddingService(
    IServiceScopeFactory scopes, IDocumentStore store, IHostApplicationLifetime lifetime, ILogger<ReembeddingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
            return;
        try
        {
            await SweepAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogSweepFailed(exception);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> tenants;
        await using (var session = store.QuerySession())
        {
            // A company's id is its tenant id.
            tenants = await session.Query<CompanyDetails>().Where(c => c.AnyTenant()).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var reembedded = 0;
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().Set(tenantId, Guid.Empty);
            var projects = await scope.ServiceProvider.GetRequiredService<IReadStore>().ListAsync<ProjectDetails>(
                q => q.Where(p => p.Status != ProjectStatus.Archived), cancellationToken);
            var reembedder = scope.ServiceProvider.GetRequiredService<ProjectReembedder>();
            foreach (var project in projects)
            {
                if (await reembedder.ReembedAsync(new ProjectScope(tenantId, project.Id), cancellationToken))
                    reembedded++;
            }
        }
        if (reembedded > 0)
            LogSwept(reembedded);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-embedding done for {Projects} project(s) indexed with another embedding model")]
    private partial void LogSwept(int projects);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-embedding projects into the configured embedding model failed; it is tried again at the next start")]
    private partial void LogSweepFailed(Exception exception);
}
