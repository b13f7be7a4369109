using System.Text;
using System.Text.Json;

namespace CleanRag.Api.Exports;

/// <summary>
/// Writes an export as it is read, for the inbox and the leads alike: each item goes out before the next is read from the
/// database, flushed every <see cref="FlushEvery"/> items, so a long export streams instead of piling up.
/// <c>csv</c>: RFC 4180, UTF-8, CRLF, a header row, every non-empty cell quoted and made safe for spreadsheets (<see cref="Cell"/>).
/// <c>jsonl</c>: one item per line, serialized as the JSON API shows it.
/// </summary>
internal static class StreamedExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonlContentType = "application/x-ndjson; charset=utf-8";

    private const int FlushEvery = 100;

    /// <summary>Writes <paramref name="header"/>, then the rows of each item (<paramref name="rowsOf"/>: an item may take several rows).</summary>
    public static async Task WriteCsvAsync<T>(
        Stream body, IReadOnlyList<string> header, IAsyncEnumerable<T> items, Func<T, IEnumerable<IReadOnlyList<string?>>> rowsOf,
        CancellationToken cancellationToken)
    {
        await using var writer = Open(body);
        await writer.WriteAsync(string.Join(',', header) + "\r\n");
        var written = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            foreach (var row in rowsOf(item))
                await writer.WriteAsync(string.Join(',', row.Select(Cell)) + "\r\n");
            if (++written % FlushEvery == 0)
                await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonlAsync<T>(Stream body, IAsyncEnumerable<T> items, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await using var writer = Open(body);
        var written = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(JsonSerializer.Serialize(item, json) + "\n");
            if (++written % FlushEvery == 0)
                await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One quoted CSV cell. Text a visitor typed that starts like a formula (= + - @, or a tab or carriage return before one)
    /// is prefixed with an apostrophe, so a spreadsheet shows it instead of running it (OWASP's CSV injection advice).
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>An enum as the JSON API spells it (snake_case).</summary>
    public static string Name<TEnum>(TEnum value, JsonSerializerOptions json) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, json).Trim('"');

    private static StreamWriter Open(Stream body) =>
        new(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
}
