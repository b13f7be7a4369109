namespace CleanRag.Domain.Projects;

/// <summary>
/// When people answer the widget's hand-off requests: weekly opening ranges in one IANA time zone. Outside them the
/// widget shows <see cref="ClosedMessage"/> and the next opening. When not <see cref="Enabled"/>, the team counts as
/// always open. Ranges lie within one day (<c>Open &lt; Close</c>, <c>Close</c> up to 24:00); a night shift is two
/// ranges, one ending at 24:00 and one starting at 00:00 the next day, which join without a gap.
/// </summary>
/// <param name="TimeZone">An IANA time zone id, e.g. <c>Europe/Paris</c>; the ranges are wall-clock times there.</param>
/// <param name="Weekly">Opening ranges; several per day allowed; a day without a range is closed.</param>
public sealed record OfficeHours(bool Enabled, string TimeZone, IReadOnlyList<OpeningRange> Weekly, string ClosedMessage)
{
    public static OfficeHours Default { get; } = new(
        Enabled: false,
        TimeZone: "UTC",
        Weekly: [],
        ClosedMessage: "We're away right now. Leave your email and we'll get back to you.");

    /// <summary>Whether the team is there at <paramref name="instant"/>: the local wall clock falls in one of the day's ranges.</summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        if (!Enabled)
            return true;
        var local = TimeZoneInfo.ConvertTime(instant, Zone());
        return Weekly.Any(range => range.Day == local.DayOfWeek && range.Contains(local.TimeOfDay));
    }

    /// <summary>
    /// The first instant after <paramref name="instant"/> at which the team is there, or null when it is there now,
    /// office hours are off, or no range is set. A range opening in a daylight-saving gap opens when the gap ends;
    /// one opening in the repeated hour of autumn opens at its first occurrence (and again at the second, if it
    /// closed in between).
    /// </summary>
    public DateTimeOffset? NextOpeningAfter(DateTimeOffset instant)
    {
        if (!Enabled || IsOpenAt(instant))
            return null;
        var zone = Zone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        // Eight days: today's later ranges, the six days after, and today's weekday again a week on.
        return Enumerable.Range(0, 8)
            .Select(today.AddDays)
            .SelectMany(date => Weekly
                .Where(range => range.Day == date.DayOfWeek)
                .SelectMany(range => InstantsOf(date.ToDateTime(TimeOnly.MinValue) + range.Open, zone)))
            .Where(opening => opening > instant && IsOpenAt(opening))
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
    }

    /// <summary>The zone of <see cref="TimeZone"/>; validation keeps unknown ids out, so this throws only on a bug.</summary>
    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The instants at which the wall clock of <paramref name="zone"/> shows <paramref name="local"/> (or, in a gap, first passes it).</summary>
    private static IEnumerable<DateTimeOffset> InstantsOf(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Clocks skip forward over the gap: the first valid minute after it is when the clock passes the time.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
            return zone.GetAmbiguousTimeOffsets(local).Select(offset => new DateTimeOffset(local, offset));
        return [new DateTimeOffset(local, zone.GetUtcOffset(local))];
    }
}

/// <summary>One opening range of a weekday, in wall-clock time: open from <see cref="Open"/> until (not at) <see cref="Close"/>.</summary>
/// <param name="Close">After <see cref="Open"/>, at most 24:00 (the end of the day).</param>
public sealed record OpeningRange(DayOfWeek Day, TimeSpan Open, TimeSpan Close)
{
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    public bool Contains(TimeSpan timeOfDay) => timeOfDay >= Open && timeOfDay < Close;
}
