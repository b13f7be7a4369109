using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CleanRag.Application.Conversations.Inbox;

/// <summary>
/// Where a page of the inbox ended: the last conversation's (last activity, id). The next page holds what sorts after it in
/// the inbox's order (latest activity first, then id), so new activity never shifts a page into duplicates or gaps; a
/// conversation that moves to the top while paging is seen on the next fresh read. Opaque to clients (base64url).
/// </summary>
public sealed record InboxCursor(DateTimeOffset LastMessageAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{LastMessageAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string? value, out InboxCursor cursor)
    {
        cursor = null!;
        if (string.IsNullOrEmpty(value) || value.Length > 100 || !Base64Url.IsValid(value))
            return false;
        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
            return false;
        cursor = new InboxCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
