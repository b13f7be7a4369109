using CleanRag.Application.Common.Messaging;
using CleanRag.Infrastructure.Persistence;
using Marten;
using MassTransit;

namespace CleanRag.Infrastructure.Messaging;

/// <summary>
/// Base for consumers of domain events whose effects are stored in PostgreSQL. The effects and the
/// "processed" marker commit in one transaction, so a redelivered event (at-least-once) is skipped,
/// and two concurrent deliveries cannot both commit: the second insert of the marker fails and rolls back.
/// </summary>
public abstract class IdempotentConsumer<TEvent>(IDocumentStore store, TimeProvider clock)
    : IConsumer<DomainEventEnvelope<TEvent>> where TEvent : class
{
    public async Task Consume(ConsumeContext<DomainEventEnvelope<TEvent>> context)
    {
        var envelope = context.Message;
        var markerId = $"{GetType().Name}:{envelope.EventId}";

        await using var session = store.LightweightSession(TenantIds.For(envelope.TenantId));
        if (await session.LoadAsync<ProcessedMessage>(markerId, context.CancellationToken) is not null)
            return;

        await HandleAsync(envelope, session, context.CancellationToken);
        session.Insert(new ProcessedMessage { Id = markerId, ProcessedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Stage the effects in <paramref name="session"/> (the tenant's); the base class commits them.</summary>
    protected abstract Task HandleAsync(DomainEventEnvelope<TEvent> envelope, IDocumentSession session, CancellationToken cancellationToken);
}
