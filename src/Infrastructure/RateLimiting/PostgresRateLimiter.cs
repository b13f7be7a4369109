using CleanRag.Application.Common.Interfaces;
using Npgsql;

namespace CleanRag.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window counters in a PostgreSQL table, shared by every API instance on the database (<c>RateLimits:Store=postgres</c>).
/// Each request is one upsert: the row lock serialises racing requests of a bucket across instances, so together they never
/// take more than the limit. A window's end comes from the instance's clock, so instances should keep their clocks in sync
/// (NTP); a skew of a second shifts a window by that much, never the count.
/// </summary>
internal sealed class PostgresRateLimiter : IRateLimiter, IAsyncDisposable
{
    private const int PurgeEvery = 10_000;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly string _schema;
    private readonly string _table;
    private Task? _tableCreated;
    private int _calls;

    public PostgresRateLimiter(string connectionString, string schema, TimeProvider clock)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _clock = clock;
        _schema = schema;
        _table = $"\"{schema}\".rate_limit_windows";
    }

    public async ValueTask<RateLimitDecision> AcquireAsync(string bucket, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var now = _clock.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % PurgeEvery == 0)
            await ExecuteAsync($"DELETE FROM {_table} WHERE reset_at < now() - interval '5 minutes'");

        await using var command = _dataSource.CreateCommand(
            $"""
             INSERT INTO {_table} AS w (bucket, reset_at, count) VALUES ($1, $2, 1)
             ON CONFLICT (bucket) DO UPDATE SET
               count = CASE WHEN w.reset_at <= $3 THEN 1 ELSE w.count + 1 END,
               reset_at = CASE WHEN w.reset_at <= $3 THEN $2 ELSE w.reset_at END
             RETURNING count, reset_at
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = bucket });
        command.Parameters.Add(new NpgsqlParameter { Value = (now + window).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt32(0);
        var resetAt = new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero);
        return new RateLimitDecision(count <= limit, limit, Math.Max(0, limit - count), resetAt);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Creates the table once; an attempt that failed (the database was down) is made again by the next request.</summary>
    private Task EnsureTableAsync()
    {
        var created = _tableCreated;
        if (created is null || created.IsFaulted || created.IsCanceled)
            _tableCreated = created = ExecuteAsync(
                $"CREATE SCHEMA IF NOT EXISTS \"{_schema}\"; " +
                $"CREATE TABLE IF NOT EXISTS {_table} (bucket text PRIMARY KEY, reset_at timestamptz NOT NULL, count integer NOT NULL)");
        return created;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
