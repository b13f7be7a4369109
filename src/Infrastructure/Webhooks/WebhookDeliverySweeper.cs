using CleanRag.Application.Webhooks;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// The durable scheduler of webhook deliveries. RabbitMQ here has no delayed-message plugin and MassTransit's
/// in-process schedulers keep timers in memory, so retries are scheduled in PostgreSQL instead: a failed attempt
/// sets <see cref="WebhookDelivery.NextAttemptAt"/>, and this service, every <see cref="WebhookOptions.SweepInterval"/>,
/// dispatches each pending delivery that is due and not leased. The same pass recovers deliveries whose dispatch
/// message or in-flight attempt was lost to a broker or process restart. Several nodes may sweep: leases are
/// taken with optimistic concurrency, so only one dispatches a delivery.
/// </summary>
public sealed partial class WebhookDeliverySweeper(
    IDocumentStore store, MartenWebhookDeliveryQueue queue, WebhookOptions options, TimeProvider clock, ILogger<WebhookDeliverySweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every tenant's due deliveries.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<WebhookDelivery> due;
        await using (var session = store.QuerySession())
        {
            due = await session.Query<WebhookDelivery>()
                .Where(d => d.AnyTenant() && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                            && (d.LeaseUntil == null || d.LeaseUntil <= now))
                .OrderBy(d => d.NextAttemptAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var delivery in due)
            await queue.RedispatchAsync(delivery.CompanyId, delivery.Id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping due webhook deliveries failed; trying again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
