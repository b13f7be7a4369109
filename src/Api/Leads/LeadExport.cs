using System.Globalization;
using System.Text.Json;
using CleanRag.Api.Exports;
using CleanRag.Application.Leads;

namespace CleanRag.Api.Leads;

/// <summary>Exported leads (<see cref="StreamedExport"/>): CSV with a header row, or JSON Lines (one lead per line).</summary>
internal static class LeadExport
{
    private static readonly string[] Header =
        ["id", "projectId", "conversationId", "visitorId", "source", "status", "name", "email", "phone", "message", "notes", "createdAt", "updatedAt"];

    public static Task WriteCsvAsync(Stream body, IAsyncEnumerable<LeadView> leads, JsonSerializerOptions json, CancellationToken cancellationToken) =>
        StreamedExport.WriteCsvAsync(body, Header, leads, lead => [Row(lead, json)], cancellationToken);

    private static IReadOnlyList<string?> Row(LeadView lead, JsonSerializerOptions json) =>
    [
        lead.Id.ToString(), lead.ProjectId.ToString(), lead.ConversationId?.ToString(), lead.VisitorId, StreamedExport.Name(lead.Source, json),
        StreamedExport.Name(lead.Status, json), lead.Name, lead.Email, lead.Phone, lead.Message, lead.Notes,
        lead.CreatedAt.ToString("O", CultureInfo.InvariantCulture), lead.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
    ];
}
