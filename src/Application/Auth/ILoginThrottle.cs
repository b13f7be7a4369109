namespace CleanRag.Application.Auth;

/// <summary>
/// Slows password guessing. Failed log-ins are counted per account (email, whether or not it exists) and per client
/// address; past a threshold each further failure locks for longer. Shared by every API instance.
/// </summary>
public interface ILoginThrottle
{
    /// <summary>
    /// Counts an attempt before its password is checked, so concurrent guesses cannot slip past the count. Returns how
    /// long the caller must wait while the account or the address is locked: that attempt is not counted, and its
    /// password must not be checked.
    /// </summary>
    Task<TimeSpan?> BeginAttemptAsync(string email, string? clientAddress, CancellationToken cancellationToken);

    /// <summary>The attempt succeeded: the account's failures are forgotten, and the attempt does not count against the address.</summary>
    Task SucceededAsync(string email, string? clientAddress, CancellationToken cancellationToken);
}
