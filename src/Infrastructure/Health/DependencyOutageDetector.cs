using CleanRag.Application.Common.Interfaces;
using Npgsql;

namespace CleanRag.Infrastructure.Health;

/// <summary>
/// PostgreSQL failures that a retry may cure: Npgsql's transient errors (refused or broken connections, timeouts,
/// an exhausted pool) and the server's own "shutting down / starting up / too many connections" states.
/// Marten and MassTransit wrap them, so the whole chain of inner exceptions is searched. Also the SMTP relay refusing or
/// not answering.
/// </summary>
internal sealed class DependencyOutageDetector : IDependencyOutageDetector
{
    private static readonly HashSet<string> UnavailableStates =
    [
        "57P01", // admin_shutdown
        "57P02", // crash_shutdown
        "57P03", // cannot_connect_now (starting up, recovering)
        "53300", // too_many_connections
    ];

    public string? FindUnavailableDependency(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: var state } && (UnavailableStates.Contains(state) || state.StartsWith("08", StringComparison.Ordinal)))
                return "database";
            if (e is NpgsqlException { IsTransient: true } and not PostgresException)
                return "database";
            if (e is Email.MailServerUnavailableException)
                return "mail server";
        }
        return null;
    }
}
