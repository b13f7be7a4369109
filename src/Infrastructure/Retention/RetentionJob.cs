using CleanRag.Application.Common;
using CleanRag.Application.Companies;
using CleanRag.Application.Retention.ApplyRetention;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Retention;

/// <summary>
/// Delivers <see cref="ApplyRetentionCommand"/> to every company at start-up and then every <see cref="RetentionOptions.Interval"/>
/// (a day), as of this job's clock, repeating it while a company has more than a batch to remove. A company that fails is
/// logged and tried again at the next run; the others go on. Several nodes may run it: the company stream's optimistic
/// concurrency lets one removal commit, and the other, retried, finds nothing left.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes, IDocumentStore store, RetentionOptions options, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            await RunAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run over every company, as of now by <see cref="TimeProvider"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        IReadOnlyList<Guid> companies;
        try
        {
            await using var session = store.QuerySession();
            companies = await session.Query<CompanyDetails>().Where(c => c.AnyTenant()).Select(c => c.Id).ToListAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(exception);
            return;
        }

        foreach (var companyId in companies)
        {
            try
            {
                await ApplyAsync(companyId, asOf, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogCompanyFailed(exception, companyId);
            }
        }
    }

    private async Task ApplyAsync(Guid companyId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        RetentionResult result;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().Set(companyId, Guid.Empty);
            result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ApplyRetentionCommand(asOf), cancellationToken);
        }
        while (!result.Complete);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention run could not list the companies; trying again at the next interval")]
    private partial void LogRunFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying data retention for company {CompanyId} failed; trying again at the next interval")]
    private partial void LogCompanyFailed(Exception exception, Guid companyId);
}
