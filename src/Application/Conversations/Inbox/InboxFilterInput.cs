using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanRag.Application.Conversations.ListConversations;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations.Inbox;

/// <summary>
/// The inbox filters as the query string sends them; <see cref="InboxFilterRules"/> checks them, then <see cref="ToFilter"/>
/// reads them. <see cref="From"/>/<see cref="To"/> are ISO 8601 dates (<c>2026-12-01</c>, UTC, a <c>to</c> date includes the
/// whole day) or date-times with an offset (<c>2026-12-01T09:30:00Z</c>).
/// </summary>
public sealed partial record InboxFilterInput(
    Guid? ProjectId = null,
    string? Handling = null,
    string? ReviewStatus = null,
    int? Rating = null,
    string? Outcome = null,
    bool? HasNegativeFeedback = null,
    bool? IsTest = null,
    string? From = null,
    string? To = null,
    string? Q = null)
{
    public const int MaxTextLength = 200;

    /// <summary>The filter these (valid) values describe.</summary>
    public InboxFilter ToFilter() => new(
        ProjectId,
        Handling is null ? null : ParseHandling(Handling),
        ReviewStatus is null ? null : ParseReviewStatus(ReviewStatus),
        Rating,
        Outcome,
        HasNegativeFeedback,
        IsTest,
        From is null ? null : ParseInstant(From, endOfDay: false),
        To is null ? null : ParseInstant(To, endOfDay: true),
        Q?.Trim());

    public static bool IsHandling(string value) => ListConversationsQueryHandler.TryParseHandling(value, out _);

    public static bool IsReviewStatus(string value) => ReviewStatusNames.ContainsKey(value);

    public static bool IsInstant(string value) => TryParseInstant(value, endOfDay: false, out _);

    /// <summary>The name clients use for a review status: <c>new</c>, <c>reviewed</c>, <c>needs_follow_up</c>.</summary>
    public static string NameOf(ReviewStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    public static ReviewStatus ParseReviewStatus(string value) => ReviewStatusNames[value];

    private static readonly IReadOnlyDictionary<string, ReviewStatus> ReviewStatusNames =
        Enum.GetValues<ReviewStatus>().ToDictionary(NameOf, status => status, StringComparer.Ordinal);

    private static ConversationHandling ParseHandling(string value) =>
        ListConversationsQueryHandler.TryParseHandling(value, out var handling) ? handling : throw new ArgumentException(value);

    private static DateTimeOffset ParseInstant(string value, bool endOfDay) =>
        TryParseInstant(value, endOfDay, out var instant) ? instant : throw new ArgumentException(value);

    private static bool TryParseInstant(string value, bool endOfDay, out DateTimeOffset instant)
    {
        instant = default;
        if (DateOnlyPattern().IsMatch(value))
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return false;
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // The last instant PostgreSQL can store in that day (timestamps are kept to the microsecond).
            instant = endOfDay ? start.AddTicks(TimeSpan.TicksPerDay - TimeSpan.TicksPerMicrosecond) : start;
            return true;
        }
        if (!DateTimePattern().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant))
            return false;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyPattern();

    /// <summary>A date-time must say its offset (Z or ±hh:mm), so no server's time zone is assumed.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
