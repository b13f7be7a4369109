using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Projects.UpdateWidgetConfig;

/// <summary>The fields of a widget-config PATCH, as sent; the validator has checked them before <see cref="ApplyTo"/> runs.</summary>
public sealed record WidgetConfigInput(
    string? DisplayName = null,
    string? Color = null,
    IReadOnlyList<string>? GradientStops = null,
    string? Position = null,
    string? Welcome = null,
    string? Avatar = null,
    bool? ShowBranding = null,
    string? CustomCss = null,
    OfficeHoursInput? OfficeHours = null)
{
    public WidgetSettings ApplyTo(WidgetSettings current) => new(
        DisplayName is null ? current.DisplayName : EmptyAsNull(DisplayName.Trim()),
        Color ?? current.Color,
        GradientStops ?? current.GradientStops,
        Position is null ? current.Position : WidgetText.Positions[Position],
        Welcome ?? current.Welcome,
        Avatar is null ? current.Avatar : EmptyAsNull(Avatar),
        ShowBranding ?? current.ShowBranding,
        CustomCss is null ? current.CustomCss : EmptyAsNull(CustomCss),
        OfficeHours?.ApplyTo(current.OfficeHours) ?? current.OfficeHours);

    private static string? EmptyAsNull(string value) => value.Length == 0 ? null : value;
}

/// <param name="Weekly">Replaces the whole week when given (an empty list closes every day).</param>
public sealed record OfficeHoursInput(bool? Enabled = null, string? TimeZone = null, IReadOnlyList<OpeningRangeInput>? Weekly = null, string? ClosedMessage = null)
{
    public OfficeHours ApplyTo(OfficeHours current) => new(
        Enabled ?? current.Enabled,
        TimeZone ?? current.TimeZone,
        Weekly is null
            ? current.Weekly
            : [.. Weekly.Select(range => new OpeningRange(
                WidgetText.Days[range.Day!],
                WidgetText.ParseTime(range.Open, allowEndOfDay: false)!.Value,
                WidgetText.ParseTime(range.Close, allowEndOfDay: true)!.Value))],
        ClosedMessage ?? current.ClosedMessage);
}

/// <param name="Day"><c>monday</c> … <c>sunday</c>.</param>
/// <param name="Open"><c>HH:mm</c>.</param>
/// <param name="Close"><c>HH:mm</c> after <paramref name="Open"/>, or <c>24:00</c>.</param>
public sealed record OpeningRangeInput(string? Day, string? Open, string? Close);
