using System.Net;
using System.Net.Sockets;
using CleanRag.Application.Auth;
using JasperFx;
using Marten;
using Npgsql;

namespace CleanRag.Infrastructure.Identity;

/// <summary>Recent failed log-ins of one account (<c>account:{email}</c>) or one client address (<c>client:{address}</c>).</summary>
public sealed class LoginFailures
{
    public string Id { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// <see cref="ILoginThrottle"/> on PostgreSQL, so every API instance sees the same counts and they survive restarts.
/// Counters use optimistic concurrency; a conflicting writer reads again and retries.
/// </summary>
internal sealed class MartenLoginThrottle(IDocumentStore store, AuthOptions auth, TimeProvider clock) : ILoginThrottle
{
    private const int MaxWriteAttempts = 20;
    private const string AccountPrefix = "account:";
    private readonly LoginLockoutOptions _options = auth.Lockout;

    public Task<TimeSpan?> BeginAttemptAsync(string email, string? clientAddress, CancellationToken cancellationToken) =>
        UpdateAsync(email, clientAddress, (counters, now) =>
        {
            var locks = counters.Select(c => c.Failures.LockedUntil - now).Where(wait => wait > TimeSpan.Zero).ToList();
            if (locks.Count > 0)
                return locks.Max(); // refused attempts are not counted: they test no password
            foreach (var (failures, threshold) in counters)
            {
                failures.Count++;
                failures.LastAt = now;
                failures.LockedUntil = now + _options.LockAfter(failures.Count, threshold);
            }
            return null;
        }, cancellationToken);

    public Task SucceededAsync(string email, string? clientAddress, CancellationToken cancellationToken) =>
        UpdateAsync(email, clientAddress, (counters, _) =>
        {
            foreach (var (failures, threshold) in counters)
            {
                // The account starts again; the address only takes back the attempt it was charged.
                failures.Count = failures.Id.StartsWith(AccountPrefix, StringComparison.Ordinal) ? 0 : Math.Max(0, failures.Count - 1);
                failures.LockedUntil = failures.Count < threshold ? null : failures.LockedUntil;
            }
            return null;
        }, cancellationToken);

    /// <summary>
    /// Loads the account's counter and the client's (when its address is known), each forgotten when older than
    /// <see cref="LoginLockoutOptions.FailureMemory"/>, and lets <paramref name="change"/> update them. A refusal it
    /// returns changes nothing; otherwise the counters are saved (a counter back at zero is deleted).
    /// </summary>
    private async Task<TimeSpan?> UpdateAsync(string email, string? clientAddress,
        Func<List<(LoginFailures Failures, int Threshold)>, DateTimeOffset, TimeSpan?> change, CancellationToken cancellationToken)
    {
        List<(string Id, int Threshold)> keys = [(AccountPrefix + email, _options.AccountFailures)];
        if (ClientKey(clientAddress) is { } client)
            keys.Add((client, _options.ClientFailures));

        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            var stored = (await session.LoadManyAsync<LoginFailures>(cancellationToken, keys.Select(k => k.Id))).ToDictionary(f => f.Id);
            var counters = keys.Select(k => (Counter(stored.GetValueOrDefault(k.Id), k.Id, now), k.Threshold)).ToList();
            if (change(counters, now) is { } refusal)
                return refusal;
            foreach (var (failures, _) in counters)
            {
                if (!stored.ContainsKey(failures.Id))
                {
                    if (failures.Count > 0)
                        session.Insert(failures);
                }
                else if (failures.Count == 0)
                    session.Delete(failures);
                else
                    session.Update(failures);
            }
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (Exception e) when (IsWriteConflict(e) && attempt < MaxWriteAttempts)
            {
                // Another attempt on the same account or address wrote first: decide again on its counts.
            }
        }
    }

    private static bool IsWriteConflict(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ConcurrencyException or DocumentAlreadyExistsException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
        }
        return false;
    }

    private LoginFailures Counter(LoginFailures? stored, string id, DateTimeOffset now)
    {
        if (stored is null)
            return new LoginFailures { Id = id };
        if (now - stored.LastAt >= _options.FailureMemory)
        {
            stored.Count = 0;
            stored.LockedUntil = null;
        }
        return stored;
    }

    /// <summary>An IPv6 client usually holds a whole /64, so it is counted as one address.</summary>
    private static string? ClientKey(string? clientAddress)
    {
        if (!IPAddress.TryParse(clientAddress, out var address))
            return null;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return $"client:{new IPNetwork(new IPAddress([.. address.GetAddressBytes()[..8], .. new byte[8]]), 64)}";
        return $"client:{address}";
    }
}
