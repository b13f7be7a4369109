using CleanRag.Application.Common.Telemetry;
using CleanRag.Application.Documents;
using CleanRag.Domain.Documents;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Ingestion;

/// <summary>
/// Counts the documents of every company that wait to be indexed or are being indexed, for the
/// <c>cleanrag.ingestion.backlog</c> gauge. Counted every <see cref="Interval"/> rather than at each scrape, so a busy
/// scraper never adds database load.
/// </summary>
internal sealed partial class IngestionBacklogMonitor(IDocumentStore store, ILogger<IngestionBacklogMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private long _backlog;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        CleanRagMetrics.ObserveIngestionBacklog(() => Interlocked.Read(ref _backlog));
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var session = store.QuerySession();
                var backlog = await session.Query<DocumentDetails>()
                    .Where(d => d.AnyTenant() && (d.Status == DocumentStatus.Queued || d.Status == DocumentStatus.Processing))
                    .CountAsync(stoppingToken);
                Interlocked.Exchange(ref _backlog, backlog);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogCountFailed(exception); // a database outage: the gauge keeps its last value until the next count
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the ingestion backlog failed")]
    private partial void LogCountFailed(Exception exception);
}
