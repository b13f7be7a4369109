using System.Globalization;
using System.Text;
using System.Text.Json;
using CleanRag.Application.Leads;

namespace CleanRag.Api.Leads;

/// <summary>Writes exported leads as they are read: CSV (RFC 4180, with a header row) or JSON Lines (one lead per line).</summary>
internal static class LeadExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonlContentType = "application/x-ndjson; charset=utf-8";

    private static readonly string[] Header =
        ["id", "projectId", "conversationId", "visitorId", "source", "status", "name", "email", "phone", "message", "notes", "createdAt", "updatedAt"];

    /// <summary>Every this many leads the buffered text goes out, so a long export streams instead of piling up.</summary>
    private const int FlushEvery = 200;

    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<LeadView> leads, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(string.Join(',', Header) + "\r\n");
        var written = 0;
        await foreach (var lead in leads.WithCancellation(cancellationToken))
        {
            string?[] cells =
            [
                lead.Id.ToString(), lead.ProjectId.ToString(), lead.ConversationId?.ToString(), lead.VisitorId, Name(lead.Source, json),
                Name(lead.Status, json), lead.Name, lead.Email, lead.Phone, lead.Message, lead.Notes,
                lead.CreatedAt.ToString("O", CultureInfo.InvariantCulture), lead.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ];
            await writer.WriteAsync(string.Join(',', cells.Select(Cell)) + "\r\n");
            if (++written % FlushEvery == 0)
                await writer.FlushAsync(cancellationToken);
        }
    }

    public static async Task WriteJsonlAsync(Stream body, IAsyncEnumerable<LeadView> leads, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var written = 0;
        await foreach (var lead in leads.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(JsonSerializer.Serialize(lead, json) + "\n");
            if (++written % FlushEvery == 0)
                await writer.FlushAsync(cancellationToken);
        }
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

    private static string Name<TEnum>(TEnum value, JsonSerializerOptions json) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, json).Trim('"');
}
