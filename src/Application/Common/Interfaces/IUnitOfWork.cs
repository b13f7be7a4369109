namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// The changes one command (or one reaction to an event) stages through <see cref="IAggregateStore"/> and other
/// stores, committed together. The unit-of-work behaviour commits after the handler; a handler that must read its
/// own writes back (from a read model) commits earlier itself, and the behaviour then finds nothing left to do.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Writes what is staged, inline read models included: one transaction per tenant touched.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Forgets everything loaded and staged, so a retry starts from the stored state.</summary>
    void Reset();
}
