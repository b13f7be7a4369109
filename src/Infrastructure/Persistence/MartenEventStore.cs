using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using JasperFx;
using JasperFx.Events;
using IEventStore = CleanRag.Application.Common.Interfaces.IEventStore;
using Marten;

namespace CleanRag.Infrastructure.Persistence;

internal sealed class MartenEventStore(IDocumentSession session) : IEventStore
{
    public Task<TAggregate?> LoadAsync<TAggregate>(Guid streamId, CancellationToken cancellationToken) where TAggregate : class =>
        session.Events.AggregateStreamAsync<TAggregate>(streamId, token: cancellationToken);

    public Task<TAggregate?> LoadAtVersionAsync<TAggregate>(Guid streamId, long version, CancellationToken cancellationToken)
        where TAggregate : class =>
        session.Events.AggregateStreamAsync<TAggregate>(streamId, version: version, token: cancellationToken);

    public Task<TAggregate?> LoadAtTimeAsync<TAggregate>(Guid streamId, DateTimeOffset timestamp, CancellationToken cancellationToken)
        where TAggregate : class =>
        session.Events.AggregateStreamAsync<TAggregate>(streamId, timestamp: timestamp, token: cancellationToken);

    public async Task StartStreamAsync<TAggregate>(Guid streamId, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        where TAggregate : class
    {
        session.Events.StartStream<TAggregate>(streamId, events.Cast<object>().ToArray());
        await SaveAsync(cancellationToken);
    }

    public async Task AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        // Marten checks the version the stream reaches *after* this append.
        session.Events.Append(streamId, expectedVersion + events.Count, events.Cast<object>().ToArray());
        await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(Guid streamId, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: cancellationToken);
        return events
            .Select(e => new StoredEvent(e.Id, e.Version, e.Sequence, e.EventTypeName, e.Timestamp, e.Data))
            .ToList();
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (IsConcurrencyFailure(e))
        {
            throw new ConcurrencyConflictException();
        }
    }

    private static bool IsConcurrencyFailure(Exception e) =>
        e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException
        || (e.InnerException is { } inner && IsConcurrencyFailure(inner));
}
