using MassTransit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleanRag.Api.Tests;

/// <summary>
/// What a test that timed out waiting for ingestion or a reaction prints about the host: whether it still runs, how far
/// the daemon's agents (the bus forwarder among them) are behind the event store, and any bus endpoint that is not healthy.
/// CI shows only the end of a failed run's output, so a stalled pipeline has to explain itself in the failure message.
/// </summary>
public static class PipelineReport
{
    public static async Task<string> DescribeAsync(CleanRagApiFactory host)
    {
        try
        {
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var statistics = await store.Advanced.FetchEventStoreStatistics();
            var progress = await store.Advanced.AllProjectionProgress();
            var agents = progress.Count == 0 ? "no agent has recorded progress" : string.Join(", ", progress.Select(shard => $"{shard.ShardName} at {shard.Sequence}"));
            var bus = host.Services.GetRequiredService<IBusControl>().CheckHealth();
            var unhealthy = bus.Endpoints.Where(endpoint => endpoint.Value.Status != BusHealthStatus.Healthy)
                .Select(endpoint => $"{endpoint.Key}: {endpoint.Value.Status} {endpoint.Value.Description}");
            return $"Pipeline: host {(stopping ? "STOPPED" : "running")}; last event {statistics.EventSequenceNumber}; " +
                   $"{agents}; bus {bus.Status} ({bus.Description}){string.Concat(unhealthy.Select(e => $"; {e}"))}.";
        }
        catch (Exception exception)
        {
            return $"Pipeline: not readable ({exception.GetType().Name}: {exception.Message}).";
        }
    }
}
