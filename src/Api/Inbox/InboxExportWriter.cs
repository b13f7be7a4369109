using System.Globalization;
using System.Text.Json;
using CleanRag.Api.Exports;
using CleanRag.Application.Conversations.ExportInbox;
using CleanRag.Application.Conversations.Inbox;

namespace CleanRag.Api.Inbox;

/// <summary>
/// An inbox export (<see cref="StreamedExport"/>). <c>jsonl</c>: one conversation per line, as <c>GET /v1/conversations/{id}</c>
/// shows it. <c>csv</c>: one row per message, the conversation's columns repeated on each row.
/// </summary>
internal static class InboxExportWriter
{
    public static string ContentType(string format) => format == ExportInboxQuery.Csv ? StreamedExport.CsvContentType : StreamedExport.JsonlContentType;

    public static string FileName(string format, DateTimeOffset now) => $"conversations-{now:yyyyMMdd-HHmmss}.{format}";

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "conversation_id", "project_id", "channel", "is_test", "started_at", "last_message_at", "handling", "review_status", "rating",
        "assignee_user_id", "notes", "message_id", "role", "at", "author", "content", "outcome", "confidence", "sources", "helpful",
        "feedback_comment",
    ];

    public static Task WriteAsync(InboxExport export, Stream body, JsonSerializerOptions json, CancellationToken cancellationToken) =>
        export.Format == ExportInboxQuery.Csv
            ? StreamedExport.WriteCsvAsync(body, CsvColumns, export.Conversations, c => c.Messages.Select(m => CsvRow(c, m, json)), cancellationToken)
            : StreamedExport.WriteJsonlAsync(body, export.Conversations, json, cancellationToken);

    private static IReadOnlyList<string?> CsvRow(InboxConversation c, InboxMessage m, JsonSerializerOptions json) =>
    [
        c.Id.ToString(), c.ProjectId.ToString(), StreamedExport.Name(c.Channel, json), c.IsTest ? "true" : "false", Instant(c.StartedAt),
        Instant(c.LastMessageAt), StreamedExport.Name(c.Handling, json), c.ReviewStatus, c.Rating?.ToString(CultureInfo.InvariantCulture),
        c.AssigneeUserId?.ToString(), c.Notes, m.Id.ToString(), m.Role, Instant(m.At), m.AuthorName, m.Content, m.Outcome,
        m.Confidence?.ToString("0.###", CultureInfo.InvariantCulture),
        m.Sources is null ? null : string.Join(" | ", m.Sources.Select(s => s.PageNumber is { } page ? $"{s.Title} (p. {page})" : s.Title)),
        m.Feedback is null ? null : m.Feedback.Helpful ? "true" : "false", m.Feedback?.Comment,
    ];

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
