using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;

namespace CleanRag.Application.Common;

/// <summary>
/// The audit read shared by every aggregate's history: its stored events and, for <c>?version=n</c> or
/// <c>?asOf=time</c>, its state at that point with the events up to it.
/// </summary>
public sealed class AggregateHistoryReader(IEventStore eventStore)
{
    /// <param name="what">What the aggregate is called in a 404 ("Project").</param>
    /// <param name="belongs">Whether the caller may see this aggregate (a stream of another kind is never found).</param>
    /// <param name="snapshot">The state as the audit API shows it.</param>
    public async Task<AggregateHistory> ReadAsync<TAggregate>(
        Guid streamId, long? version, DateTimeOffset? asOf, string what, Func<TAggregate, bool> belongs, Func<TAggregate, object> snapshot,
        CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new()
    {
        var current = await eventStore.LoadAsync<TAggregate>(streamId, cancellationToken);
        if (current is null || !belongs(current))
            throw new NotFoundException(what);
        var events = await eventStore.ReadStreamAsync(streamId, cancellationToken);
        if (version is null && asOf is null)
            return new AggregateHistory(streamId, current.Version, null, events);

        var past = version is { } atVersion
            ? await eventStore.LoadAtVersionAsync<TAggregate>(streamId, atVersion, cancellationToken)
            : await eventStore.LoadAtTimeAsync<TAggregate>(streamId, asOf!.Value, cancellationToken);
        if (past is null || past.Version == 0)
            throw new NotFoundException(what, " at that point");
        return new AggregateHistory(streamId, past.Version, snapshot(past), events.Where(e => e.Version <= past.Version).ToList());
    }
}
