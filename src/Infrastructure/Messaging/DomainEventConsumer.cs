using CleanRag.Application.Common;
using CleanRag.Application.Common.Messaging;
using CleanRag.Infrastructure.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Messaging;

/// <summary>
/// The one MassTransit consumer of domain events: delivers an event from RabbitMQ to one Application handler, on that
/// handler's own queue. Per message it opens a DI scope for the event's tenant, skips an event the handler has already
/// handled (the marker "{handler}:{eventId}"), runs the handler and commits its staged changes together with the marker,
/// in one transaction: a redelivered event (delivery is at least once) changes nothing, two concurrent deliveries cannot
/// both commit (the second insert of the marker fails, and its retry finds the marker), and a handler that throws leaves
/// neither effects nor marker. A commit that loses an optimistic-concurrency race runs the whole attempt again from the
/// stored state (<see cref="ConcurrencyRetry"/>); anything else is retried by MassTransit, then parked in the _error queue.
/// </summary>
public sealed class DomainEventConsumer<TEvent, THandler>(IServiceScopeFactory scopes, RabbitMqOptions messaging, TimeProvider clock)
    : IConsumer<DomainEventEnvelope<TEvent>>
    where TEvent : class
    where THandler : class, IDomainEventHandler<TEvent>
{
    private static readonly string MarkerPrefix = DomainEventHandlers.MarkerPrefixFor(typeof(THandler));

    public async Task Consume(ConsumeContext<DomainEventEnvelope<TEvent>> context)
    {
        var envelope = context.Message;
        var cancellationToken = context.CancellationToken;
        var notice = DomainEvent<TEvent>.From(envelope, isFinalAttempt: context.GetRetryAttempt() >= messaging.ConsumerRetryLimit);
        var markerId = $"{MarkerPrefix}:{envelope.EventId}";

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Set(envelope.TenantId, Guid.Empty);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<MartenUnitOfWork>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();

        await ConcurrencyRetry.RunAsync(async _ =>
        {
            if (await unitOfWork.SessionFor(envelope.TenantId).LoadAsync<ProcessedMessage>(markerId, cancellationToken) is not null)
                return false; // handled before: a redelivery

            await handler.HandleAsync(notice, cancellationToken);
            // Fetched again: a handler that committed early (to show progress) starts a fresh session.
            unitOfWork.SessionFor(envelope.TenantId).Insert(new ProcessedMessage { Id = markerId, ProcessedAt = clock.GetUtcNow() });
            await unitOfWork.CommitAsync(cancellationToken);
            return true;
        }, unitOfWork.Reset, cancellationToken);
    }
}

/// <summary>Puts a handler's consumers on the handler's own queue (one queue per handler, whatever events it handles).</summary>
public sealed class DomainEventConsumerDefinition<TEvent, THandler> : ConsumerDefinition<DomainEventConsumer<TEvent, THandler>>
    where TEvent : class
    where THandler : class, IDomainEventHandler<TEvent>
{
    public DomainEventConsumerDefinition() => EndpointName = DomainEventHandlers.QueueFor(typeof(THandler));
}
