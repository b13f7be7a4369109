using System.Data.Common;
using Npgsql;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>The configured PostgreSQL connection string with the service's defaults for what it leaves unset.</summary>
internal static class PostgresConnectionString
{
    /// <summary>
    /// Statements a pooled connection keeps prepared (Npgsql's automatic preparation, least recently used out): the
    /// service runs a few dozen distinct statements over and over (a chat's reads and commit, the consumers' markers, the
    /// daemon's pages), and a prepared one skips PostgreSQL's parsing and planning. PostgreSQL's CPU per chat fell to
    /// about 0.7× (docs/benchmarks.md, "Chat under load"). Npgsql's connection reset keeps prepared statements, and it
    /// prepares a statement again after a schema change invalidated it.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>Whether the string names the setting ("Max Auto Prepare" or "MaxAutoPrepare", in any case); Npgsql's own
    /// builder answers true for every setting it knows.</summary>
    private static bool Sets(string connectionString, string setting)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        return keys.Any(key => string.Equals(key.Replace(" ", ""), setting, StringComparison.OrdinalIgnoreCase));
    }
}
