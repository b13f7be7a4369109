namespace CleanRag.Infrastructure.Identity;

/// <summary>The <c>Auth:Lockout</c> section: how failed log-ins hold back further attempts.</summary>
public sealed class LoginLockoutOptions
{
    /// <summary>Failed log-ins in a row on one account (email) before it locks; a successful one starts again.</summary>
    public int AccountFailures { get; set; } = 5;

    /// <summary>Failed log-ins from one client address (an IPv6 client's /64) before it locks.</summary>
    public int ClientFailures { get; set; } = 20;

    /// <summary>The lock the threshold failure starts; each failure after it doubles the lock.</summary>
    public TimeSpan FirstLock { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLock { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures are forgotten after this long without another one. Longer than <see cref="MaxLock"/>, so a
    /// guesser who waits out each lock keeps the longest one.</summary>
    public TimeSpan FailureMemory { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (AccountFailures < 1 || ClientFailures < 1 || FirstLock <= TimeSpan.Zero || MaxLock < FirstLock || FailureMemory <= MaxLock)
            throw new InvalidOperationException(
                "Auth:Lockout: AccountFailures and ClientFailures must be at least 1, FirstLock positive, MaxLock at least FirstLock, FailureMemory longer than MaxLock.");
    }

    /// <summary>The lock after <paramref name="failures"/> failures; none below <paramref name="threshold"/>.</summary>
    public TimeSpan? LockAfter(int failures, int threshold) =>
        failures < threshold
            ? null
            : TimeSpan.FromSeconds(Math.Min(MaxLock.TotalSeconds, FirstLock.TotalSeconds * Math.Pow(2, failures - threshold)));
}
