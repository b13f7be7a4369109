using System.Globalization;

namespace CleanRag.Application.Analytics;

/// <summary>The UTC days a summary covers: <c>from</c> and <c>to</c> inclusive, the last 30 days by default.</summary>
public static class AnalyticsRange
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// <summary>A day as <c>2026-12-01</c>, or an ISO 8601 instant whose UTC day is taken.</summary>
    public static bool TryParse(string? value, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(value))
            return false;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return true;
        if (!value.Contains('T') || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return false;
        day = DateOnly.FromDateTime(at.UtcDateTime);
        return true;
    }

    /// <summary>The range asked for, once validated: a missing end is today, a missing start 30 days before the end.</summary>
    public static (DateOnly From, DateOnly To) Resolve(string? from, string? to, DateTimeOffset now)
    {
        var end = TryParse(to, out var t) ? t : DateOnly.FromDateTime(now.UtcDateTime);
        var start = TryParse(from, out var f) ? f : end.AddDays(-(DefaultDays - 1));
        return (start, end);
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            yield return day;
    }
}
