using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;
using IEventStore = CleanRag.Application.Common.Interfaces.IEventStore;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// The event store port over Marten, bound to one tenant. Each write opens its own session and commits
/// it, so inline projections (read models) change in the same transaction as the events.
/// </summary>
internal sealed class MartenEventStore(IDocumentStore store, Guid tenantId, Guid actorId) : IEventStore
{
    public MartenEventStore(IDocumentStore store, IRequestContext context) : this(store, context.TenantId, context.UserId)
    {
    }

    private string Tenant => TenantIds.For(tenantId);

    public IEventStore ForTenant(Guid otherTenantId) => new MartenEventStore(store, otherTenantId, actorId);

    public Task<TAggregate?> LoadAsync<TAggregate>(Guid streamId, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() =>
        AggregateAsync(session => session.Events.AggregateStreamAsync<TAggregate>(streamId, token: cancellationToken));

    public Task<TAggregate?> LoadAtVersionAsync<TAggregate>(Guid streamId, long version, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() =>
        AggregateAsync(session => session.Events.AggregateStreamAsync<TAggregate>(streamId, version: version, token: cancellationToken));

    public Task<TAggregate?> LoadAtTimeAsync<TAggregate>(Guid streamId, DateTimeOffset timestamp, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() =>
        AggregateAsync(session => session.Events.AggregateStreamAsync<TAggregate>(streamId, timestamp: timestamp, token: cancellationToken));

    public Task StartStreamAsync<TAggregate>(Guid streamId, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() =>
        WriteAsync(session => session.Events.StartStream<TAggregate>(streamId, events.Cast<object>().ToArray()), cancellationToken);

    public Task AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) =>
        // Marten checks the version the stream reaches *after* this append.
        WriteAsync(session => session.Events.Append(streamId, expectedVersion + events.Count, events.Cast<object>().ToArray()), cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(Guid streamId, CancellationToken cancellationToken)
    {
        var events = await QueryAsync(session => session.Events.FetchStreamAsync(streamId, token: cancellationToken));
        return events
            .Select(e => new StoredEvent(e.Id, e.Version, e.Sequence, e.EventTypeName, e.Timestamp,
                Guid.TryParse(e.UserName, out var actor) ? actor : null, e.Data))
            .ToList();
    }

    /// <summary>A stream of another kind of aggregate (any id of the tenant can be sent to any route) is no aggregate of this kind.</summary>
    private async Task<TAggregate?> AggregateAsync<TAggregate>(Func<IQuerySession, Task<TAggregate?>> load) where TAggregate : AggregateRoot
    {
        try
        {
            return await QueryAsync(load);
        }
        catch (Exception exception) when (FindForeignStream(exception))
        {
            return null;
        }
    }

    internal static bool FindForeignStream(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is ForeignStreamException)
                return true;
        }
        return false;
    }

    private async Task<T> QueryAsync<T>(Func<IQuerySession, Task<T>> query)
    {
        await using var session = store.QuerySession(Tenant);
        return await query(session);
    }

    private async Task WriteAsync(Action<IDocumentSession> stage, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(Tenant);
        if (actorId != Guid.Empty)
            session.LastModifiedBy = actorId.ToString();
        stage(session);
        await SaveAsync(session, cancellationToken);
    }

    internal static async Task SaveAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (IsConcurrencyFailure(e))
        {
            throw new ConcurrencyConflictException();
        }
        catch (Exception e) when (Find<DocumentAlreadyExistsException>(e) is not null
                                  || Find<PostgresException>(e) is { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DuplicateException();
        }
    }

    private static bool IsConcurrencyFailure(Exception e) =>
        e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException
        || (e.InnerException is { } inner && IsConcurrencyFailure(inner));

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
                return match;
        }
        return null;
    }
}
