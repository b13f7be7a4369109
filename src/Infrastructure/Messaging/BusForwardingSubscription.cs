using CleanRag.Application.Common.Telemetry;
using CleanRag.Domain.Common;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Messaging;

/// <summary>
/// Run by Marten's async daemon: publishes every committed domain event to RabbitMQ, each stream's events in store
/// order (the streams of a page concurrently). The daemon records progress only after a page is published, so
/// delivery is at-least-once and an event is never published before its transaction commits. Publishing retries until the broker takes
/// the message: a broker outage delays forwarding but never skips an event or stops the subscription.
/// An attempt that neither succeeds nor fails within <see cref="AttemptTimeout"/> is abandoned and retried:
/// a publish caught by a broker restart was once seen to wait for its confirm forever, which stalled the
/// forwarder (and so ingestion and webhooks) until the process restarted. A duplicate is harmless: every handler's
/// consumer (<see cref="DomainEventConsumer{TEvent,THandler}"/>) skips an event id it has handled.
/// </summary>
internal sealed partial class BusForwardingSubscription(IBus bus, ILogger<BusForwardingSubscription> logger) : SubscriptionBase
{
    public const string SubscriptionName = "bus-forwarder";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // The streams of a page are published concurrently, each stream's events one after the other: waiting for the
        // broker's confirm of every event before the next limited forwarding to one event per round trip, and what a
        // consumer may rely on is the order of one aggregate's events.
        var streams = page.Events
            .Where(stored => stored.Data is IDomainEvent)
            .GroupBy(stored => (stored.TenantId, stored.StreamId, stored.StreamKey));
        await Task.WhenAll(streams.Select(stream => PublishInOrderAsync(stream, cancellationToken)));
        return NullChangeListener.Instance;
    }

    private async Task PublishInOrderAsync(IEnumerable<IEvent> stream, CancellationToken cancellationToken)
    {
        foreach (var stored in stream)
            await PublishAsync(stored, cancellationToken);
    }

    private async Task PublishAsync(IEvent stored, CancellationToken cancellationToken)
    {
        var envelope = DomainEventEnvelopes.Wrap(stored);
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(AttemptTimeout);
                await bus.Publish(envelope, envelope.GetType(), ctx => ctx.MessageId = stored.Id, attempt.Token)
                    .WaitAsync(AttemptTimeout, cancellationToken);
                CleanRagMetrics.ForwarderLag.Record((DateTimeOffset.UtcNow - stored.Timestamp).TotalMilliseconds);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogPublishFailed(exception, stored.EventTypeName, stored.Sequence, backoff.TotalMilliseconds);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Publishing {EventType} (sequence {Sequence}) to the bus failed; retrying in {BackoffMs} ms")]
    private partial void LogPublishFailed(Exception exception, string eventType, long sequence, double backoffMs);
}
