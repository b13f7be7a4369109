using CleanRag.Application.Common.Interfaces;
using Marten;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// One Marten session per tenant for the request (or consumed message), opened on first use and committed together.
/// Consumers stage their idempotency marker in <see cref="SessionFor"/> too, so it commits with the effects.
/// </summary>
internal sealed class MartenUnitOfWork(IDocumentStore store, IRequestContext context) : IUnitOfWork, IAsyncDisposable
{
    private readonly Dictionary<Guid, IDocumentSession> _sessions = [];

    public IDocumentSession SessionFor(Guid tenantId)
    {
        if (!_sessions.TryGetValue(tenantId, out var session))
        {
            session = store.LightweightSession(TenantIds.For(tenantId));
            if (context.UserId != Guid.Empty)
                session.LastModifiedBy = context.UserId.ToString();
            _sessions[tenantId] = session;
        }
        return session;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Marten writes nothing (no round trip) for a session without changes.
            foreach (var session in _sessions.Values)
                await MartenEventStore.SaveAsync(session, cancellationToken);
        }
        finally
        {
            // Written or failed, a later change starts from fresh sessions (and freshly loaded versions).
            await DisposeAsync();
        }
    }

    public void Reset()
    {
        foreach (var session in _sessions.Values)
            session.Dispose();
        _sessions.Clear();
        StreamsForWriting.Clear();
    }

    /// <summary>The streams loaded for writing in the current sessions, by tenant and id.</summary>
    internal Dictionary<(Guid TenantId, Guid Id), object> StreamsForWriting { get; } = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
            await session.DisposeAsync();
        _sessions.Clear();
        StreamsForWriting.Clear();
    }
}
