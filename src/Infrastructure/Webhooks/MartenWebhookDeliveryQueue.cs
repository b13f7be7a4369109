using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Webhooks;
using CleanRag.Infrastructure.Persistence;
using Marten;
using Marten.Exceptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Deliveries are stored in PostgreSQL first and only then announced on RabbitMQ with a <see cref="DeliverWebhook"/>
/// message. Each dispatch leases the delivery for <see cref="WebhookOptions.DispatchLease"/>; if the message is lost
/// (broker restart, crash before publishing, publish failure) the lease runs out and the sweeper dispatches again.
/// </summary>
public sealed partial class MartenWebhookDeliveryQueue(
    IDocumentStore store, IBus bus, WebhookOptions options, TimeProvider clock, ILogger<MartenWebhookDeliveryQueue> logger)
    : IWebhookDeliveryQueue
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    public async Task EnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(TenantIds.For(delivery.CompanyId));
        Lease(delivery);
        session.Insert(delivery);
        await session.SaveChangesAsync(cancellationToken);
        await TryPublishAsync(delivery, cancellationToken);
    }

    public async Task<WebhookDelivery> RedeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(TenantIds.For(delivery.CompanyId));
        var current = await session.LoadAsync<WebhookDelivery>(delivery.Id, cancellationToken) ?? throw new NotFoundException("Webhook delivery");
        if (current.Status == WebhookDeliveryStatus.Pending)
            throw new ConflictException("delivery_pending", "The delivery is still being attempted.");
        current.Restart(clock.GetUtcNow());
        Lease(current);
        session.Store(current);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        await TryPublishAsync(current, cancellationToken);
        return current;
    }

    /// <summary>Dispatches a due delivery whose lease ran out (the sweeper's job), unless another node got there first.</summary>
    public async Task RedispatchAsync(Guid tenantId, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(TenantIds.For(tenantId));
        var delivery = await session.LoadAsync<WebhookDelivery>(deliveryId, cancellationToken);
        var now = clock.GetUtcNow();
        if (delivery is null || !delivery.IsDueAndFree(now))
            return;
        Lease(delivery);
        session.Store(delivery);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return; // another node leased it first
        }
        await TryPublishAsync(delivery, cancellationToken);
    }

    /// <summary>Leases a delivery to a new dispatch; to be saved before <see cref="TryPublishAsync"/>.</summary>
    public void Lease(WebhookDelivery delivery) => delivery.Dispatch(Guid.NewGuid(), clock.GetUtcNow() + options.DispatchLease);

    /// <summary>Publishes the dispatch of a saved, leased delivery. A failure is only logged: the lease expires and the sweeper retries.</summary>
    public async Task TryPublishAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await bus.Publish(new DeliverWebhook(delivery.CompanyId, delivery.Id, delivery.DispatchId!.Value), timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(exception, delivery.Id, delivery.LeaseUntil);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dispatching webhook delivery {DeliveryId} failed; the sweeper dispatches it again after {LeaseUntil}")]
    private partial void LogPublishFailed(Exception exception, Guid deliveryId, DateTimeOffset? leaseUntil);
}
