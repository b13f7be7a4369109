using System.Globalization;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Projects.GetWidgetConfig;

/// <summary>The widget settings as the dashboard edits them; <see cref="DisplayName"/> is already resolved to the project name when unset.</summary>
public sealed record WidgetConfigView(
    Guid ProjectId,
    string DisplayName,
    string Color,
    IReadOnlyList<string> GradientStops,
    string Position,
    string Welcome,
    string? Avatar,
    bool ShowBranding,
    string? CustomCss,
    OfficeHoursView OfficeHours,
    long Version)
{
    public static WidgetConfigView From(ProjectDetails project)
    {
        var widget = project.Widget;
        return new WidgetConfigView(project.Id, widget.NameFor(project.Name), widget.Color, widget.GradientStops, WidgetText.Of(widget.Position),
            widget.Welcome, widget.Avatar, widget.ShowBranding, widget.CustomCss, OfficeHoursView.From(widget.OfficeHours), project.Version);
    }
}

public sealed record OfficeHoursView(bool Enabled, string TimeZone, IReadOnlyList<OpeningRangeView> Weekly, string ClosedMessage)
{
    public static OfficeHoursView From(OfficeHours hours) =>
        new(hours.Enabled, hours.TimeZone, [.. hours.Weekly.Select(OpeningRangeView.From)], hours.ClosedMessage);
}

public sealed record OpeningRangeView(string Day, string Open, string Close)
{
    public static OpeningRangeView From(OpeningRange range) => new(WidgetText.Of(range.Day), WidgetText.Of(range.Open), WidgetText.Of(range.Close));
}

/// <summary>The words and formats of the widget's settings on the wire: <c>bottom-right</c>, <c>monday</c>, <c>09:00</c>.</summary>
public static class WidgetText
{
    public static readonly IReadOnlyDictionary<string, WidgetPosition> Positions = new Dictionary<string, WidgetPosition>
    {
        ["bottom-right"] = WidgetPosition.BottomRight,
        ["bottom-left"] = WidgetPosition.BottomLeft,
    };

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Days =
        Enum.GetValues<DayOfWeek>().ToDictionary(day => day.ToString().ToLowerInvariant());

    public static string Of(WidgetPosition position) => Positions.Single(p => p.Value == position).Key;

    public static string Of(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static string Of(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");

    /// <summary><c>HH:mm</c> from 00:00 to 23:59, or 24:00 (the end of the day) when <paramref name="allowEndOfDay"/>.</summary>
    public static TimeSpan? ParseTime(string? text, bool allowEndOfDay)
    {
        if (text is not { Length: 5 } || text[2] != ':' || !text.Remove(2, 1).All(char.IsAsciiDigit))
            return null;
        var hours = int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !allowEndOfDay)))
            return null;
        return new TimeSpan(hours, minutes, 0);
    }
}
