using System.Globalization;
using System.Text;
using System.Text.Json;
using CleanRag.Application.Conversations.ExportInbox;
using CleanRag.Application.Conversations.Inbox;

namespace CleanRag.Api.Inbox;

/// <summary>
/// Writes an inbox export as it is read: each conversation goes out before the next is read from the database, flushed every
/// <see cref="FlushEvery"/> conversations. <c>jsonl</c>: one conversation per line, as <c>GET /v1/conversations/{id}</c> shows it.
/// <c>csv</c> (RFC 4180, UTF-8, CRLF): one row per message, the conversation's columns repeated on each row; a cell that a
/// spreadsheet would read as a formula (starting with <c>= + - @</c>, tab or CR) is prefixed with <c>'</c>.
/// </summary>
internal static class InboxExportWriter
{
    private const int FlushEvery = 50;

    public static string ContentType(string format) => format == ExportInboxQuery.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    public static string FileName(string format, DateTimeOffset now) => $"conversations-{now:yyyyMMdd-HHmmss}.{format}";

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "conversation_id", "project_id", "channel", "is_test", "started_at", "last_message_at", "handling", "review_status", "rating",
        "assignee_user_id", "notes", "message_id", "role", "at", "author", "content", "outcome", "confidence", "sources", "helpful",
        "feedback_comment",
    ];

    public static async Task WriteAsync(InboxExport export, Stream body, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        var csv = export.Format == ExportInboxQuery.Csv;
        if (csv)
            await WriteCsvRowAsync(writer, CsvColumns);
        var written = 0;
        await foreach (var conversation in export.Conversations.WithCancellation(cancellationToken))
        {
            if (csv)
            {
                foreach (var message in conversation.Messages)
                    await WriteCsvRowAsync(writer, CsvRow(conversation, message, json));
            }
            else
            {
                await writer.WriteAsync(JsonSerializer.Serialize(conversation, json));
                await writer.WriteAsync('\n');
            }
            if (++written % FlushEvery == 0)
                await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static IReadOnlyList<string?> CsvRow(InboxConversation c, InboxMessage m, JsonSerializerOptions json) =>
    [
        c.Id.ToString(), c.ProjectId.ToString(), Name(c.Channel, json), c.IsTest ? "true" : "false", Instant(c.StartedAt), Instant(c.LastMessageAt),
        Name(c.Handling, json), c.ReviewStatus, c.Rating?.ToString(CultureInfo.InvariantCulture), c.AssigneeUserId?.ToString(), c.Notes,
        m.Id.ToString(), m.Role, Instant(m.At), m.AuthorName, m.Content, m.Outcome, m.Confidence?.ToString("0.###", CultureInfo.InvariantCulture),
        m.Sources is null ? null : string.Join(" | ", m.Sources.Select(s => s.PageNumber is { } page ? $"{s.Title} (p. {page})" : s.Title)),
        m.Feedback is null ? null : m.Feedback.Helpful ? "true" : "false", m.Feedback?.Comment,
    ];

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An enum as the JSON API spells it (snake_case).</summary>
    private static string Name<T>(T value, JsonSerializerOptions json) => JsonSerializer.Serialize(value, json).Trim('"');

    private static async Task WriteCsvRowAsync(StreamWriter writer, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                await writer.WriteAsync(',');
            await writer.WriteAsync(CsvCell(cells[i]));
        }
        await writer.WriteAsync("\r\n");
    }

    /// <summary>One RFC 4180 field, neutralised against spreadsheet formula injection.</summary>
    public static string CsvCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
