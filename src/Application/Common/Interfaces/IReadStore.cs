namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Read models (projections) of the current tenant. The store applies the tenant filter itself, so a
/// query can never see another company's documents. Global read models (users, memberships, invites)
/// are not tenant-scoped.
/// </summary>
public interface IReadStore
{
    Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken) where T : class;

    Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken) where T : class;

    /// <summary>The read models with these ids (those that exist), in one query that needs no LINQ translation.</summary>
    Task<IReadOnlyList<T>> LoadManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class;

    /// <summary>Runs <paramref name="shape"/> (filter, order, page) against the read model in the database.</summary>
    Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>> shape, CancellationToken cancellationToken)
        where T : class;
}
