using CleanRag.Application.Common.Interfaces;
using Marten;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>Read models through the request's tenant-scoped query session.</summary>
internal sealed class MartenReadStore(IQuerySession session) : IReadStore
{
    public Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken) where T : class =>
        session.LoadAsync<T>(id, cancellationToken);

    public Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken) where T : class =>
        session.LoadAsync<T>(id, cancellationToken);

    public Task<IReadOnlyList<T>> LoadManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
        session.LoadManyAsync<T>(cancellationToken, ids);

    public async Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>> shape, CancellationToken cancellationToken)
        where T : class =>
        await shape(session.Query<T>()).ToListAsync(cancellationToken);
}
