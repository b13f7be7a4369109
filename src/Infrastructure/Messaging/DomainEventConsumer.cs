using System.Runtime.ExceptionServices;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Messaging;
using CleanRag.Infrastructure.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public Task Consume(ConsumeContext<DomainEventEnvelope<TEvent>> context) =>
        DomainEventReaction<TEvent, THandler>.HandleAsync(scopes, clock, [context.Message],
            isFinalAttempt: context.GetRetryAttempt() >= messaging.ConsumerRetryLimit, context.CancellationToken);
}

/// <summary>
/// The consumer of a handler that takes batches (<see cref="IDomainEventBatchHandler{TEvent}"/>): the events waiting on
/// its queue, a company's at a time, are handled in one unit of work and committed with all their markers in one
/// transaction, with the same guarantees as <see cref="DomainEventConsumer{TEvent,THandler}"/> for the batch as a whole.
/// When the batch fails, each event is handled again on its own (own scope, own commit): the others commit, and an
/// event that fails alone fails the message again, so MassTransit retries the batch (the committed events are skipped by
/// their markers) and, after the last attempt, parks it in the _error queue; its events already handled are parked with
/// it, and sending them again changes nothing.
/// </summary>
public sealed class DomainEventBatchConsumer<TEvent, THandler>(
    IServiceScopeFactory scopes, RabbitMqOptions messaging, TimeProvider clock, ILogger<DomainEventBatchConsumer<TEvent, THandler>> logger)
    : IConsumer<Batch<DomainEventEnvelope<TEvent>>>
    where TEvent : class
    where THandler : class, IDomainEventBatchHandler<TEvent>
{
    public Task Consume(ConsumeContext<Batch<DomainEventEnvelope<TEvent>>> context) =>
        DomainEventReaction<TEvent, THandler>.HandleBatchAsync(scopes, clock, logger, context.Message.Select(message => message.Message).ToList(),
            isFinalAttempt: context.GetRetryAttempt() >= messaging.ConsumerRetryLimit, context.CancellationToken);
}

/// <summary>Handles events in one scope and unit of work per company, committed with their markers.</summary>
internal static partial class DomainEventReaction<TEvent, THandler>
    where TEvent : class
    where THandler : class, IDomainEventHandler<TEvent>
{
    private static readonly string MarkerPrefix = DomainEventHandlers.MarkerPrefixFor(typeof(THandler));

    /// <summary>
    /// A batch: each company's events together, and if that fails, each of them on its own; throws (after handling all
    /// the others) when any event failed on its own.
    /// </summary>
    public static async Task HandleBatchAsync(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger,
        IReadOnlyList<DomainEventEnvelope<TEvent>> batch, bool isFinalAttempt, CancellationToken cancellationToken)
    {
        // A redelivery can share a batch with the first delivery of the same event.
        var envelopes = batch.DistinctBy(envelope => envelope.EventId).ToList();
        List<ExceptionDispatchInfo> failures = [];
        foreach (var company in envelopes.GroupBy(envelope => envelope.TenantId).Select(group => group.ToList()))
        {
            try
            {
                await HandleAsync(scopes, clock, company, isFinalAttempt, cancellationToken);
                continue;
            }
            catch (Exception exception) when (company.Count > 1 && !cancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(logger, exception, typeof(THandler).Name, company.Count);
            }
            foreach (var envelope in company)
            {
                try
                {
                    await HandleAsync(scopes, clock, [envelope], isFinalAttempt, cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failures.Add(ExceptionDispatchInfo.Capture(exception));
                }
            }
        }
        if (failures.Count == 1)
            failures[0].Throw();
        if (failures.Count > 1)
            throw new AggregateException(failures.Select(failure => failure.SourceException));
    }

    /// <summary>The id of the "processed" marker this handler commits with its effects of the event.</summary>
    private static string MarkerId(DomainEventEnvelope<TEvent> envelope) => $"{MarkerPrefix}:{envelope.EventId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} events for {Handler} failed; handling them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string handler, int count);

    /// <summary>Events of one company, in one transaction.</summary>
    public static async Task HandleAsync(IServiceScopeFactory scopes, TimeProvider clock, IReadOnlyList<DomainEventEnvelope<TEvent>> envelopes,
        bool isFinalAttempt, CancellationToken cancellationToken)
    {
        var tenantId = envelopes[0].TenantId;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Set(tenantId, Guid.Empty);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<MartenUnitOfWork>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();

        await ConcurrencyRetry.RunAsync(async _ =>
        {
            var handled = (await unitOfWork.SessionFor(tenantId).LoadManyAsync<ProcessedMessage>(cancellationToken, envelopes.Select(MarkerId)))
                .Select(marker => marker.Id).ToHashSet();
            var pending = envelopes.Where(envelope => !handled.Contains(MarkerId(envelope))).ToList();
            if (pending.Count == 0)
                return false; // handled before: a redelivery

            var notices = pending.Select(envelope => DomainEvent<TEvent>.From(envelope, isFinalAttempt)).ToList();
            if (handler is IDomainEventBatchHandler<TEvent> batchHandler)
                await batchHandler.HandleAsync(notices, cancellationToken);
            else
                await handler.HandleAsync(notices[0], cancellationToken);
            // Fetched again: a handler that committed early (to show progress) starts a fresh session.
            var session = unitOfWork.SessionFor(tenantId);
            foreach (var envelope in pending)
                session.Insert(new ProcessedMessage { Id = MarkerId(envelope), ProcessedAt = clock.GetUtcNow() });
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

/// <summary>
/// A batching handler's consumers, on the handler's queue: a batch is what is waiting, up to
/// <see cref="RabbitMqOptions.BatchSize"/> events, collected for at most <see cref="RabbitMqOptions.BatchWaitMilliseconds"/>
/// after the first; two batches run at once, so one can wait on the database while the other uses the CPU.
/// </summary>
public sealed class DomainEventBatchConsumerDefinition<TEvent, THandler> : ConsumerDefinition<DomainEventBatchConsumer<TEvent, THandler>>
    where TEvent : class
    where THandler : class, IDomainEventBatchHandler<TEvent>
{
    private const int ConcurrentBatches = 2;
    private readonly RabbitMqOptions _options;

    public DomainEventBatchConsumerDefinition(RabbitMqOptions options)
    {
        _options = options;
        EndpointName = DomainEventHandlers.QueueFor(typeof(THandler));
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DomainEventBatchConsumer<TEvent, THandler>> consumerConfigurator, IRegistrationContext context)
    {
        // The broker must hand over enough messages to fill the batches.
        endpointConfigurator.PrefetchCount = Math.Max(endpointConfigurator.PrefetchCount, _options.BatchSize * ConcurrentBatches);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(_options.BatchWaitMilliseconds))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
