using System.Text.Json.Serialization;
using CleanRag.Application.Widget.GetPublicWidgetConfig;

namespace CleanRag.Api.Widget;

/// <summary>The public widget config in the widget contract's snake_case (GET /api/widget/config, GET /v1/widget/{id}/config).</summary>
internal sealed record PublicWidgetConfigResponse(
    [property: JsonPropertyName("project_id")] Guid ProjectId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("settings")] WidgetLookResponse Settings,
    [property: JsonPropertyName("office_hours")] OfficeHoursResponse OfficeHours,
    [property: JsonPropertyName("plan_features")] IReadOnlyDictionary<string, bool> PlanFeatures)
{
    public static PublicWidgetConfigResponse From(PublicWidgetConfig config) => new(
        config.ProjectId,
        config.Name,
        new WidgetLookResponse(config.Color, config.GradientStops, config.Position, config.Welcome, config.Avatar, config.ShowBranding, config.CustomCss),
        new OfficeHoursResponse(config.OfficeHours.Enabled, config.OfficeHours.TimeZone,
            [.. config.OfficeHours.Weekly.Select(range => new OpeningRangeResponse(range.Day, range.Open, range.Close))],
            config.OfficeHours.OpenNow, config.OfficeHours.ClosedMessage, config.OfficeHours.NextOpenAt),
        config.PlanFeatures);
}

/// <remarks>Nulls are written (<c>avatar</c>, <c>custom_css</c>, <c>next_open_at</c>): the widget reads them as "none".</remarks>
internal sealed record WidgetLookResponse(
    [property: JsonPropertyName("color")] string Color,
    [property: JsonPropertyName("gradient_stops")] IReadOnlyList<string> GradientStops,
    [property: JsonPropertyName("position")] string Position,
    [property: JsonPropertyName("welcome")] string Welcome,
    [property: JsonPropertyName("avatar"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Avatar,
    [property: JsonPropertyName("show_branding")] bool ShowBranding,
    [property: JsonPropertyName("custom_css"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CustomCss);

internal sealed record OfficeHoursResponse(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("time_zone")] string TimeZone,
    [property: JsonPropertyName("weekly")] IReadOnlyList<OpeningRangeResponse> Weekly,
    [property: JsonPropertyName("open_now")] bool OpenNow,
    [property: JsonPropertyName("closed_message")] string ClosedMessage,
    [property: JsonPropertyName("next_open_at"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextOpenAt);

internal sealed record OpeningRangeResponse(
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("open")] string Open,
    [property: JsonPropertyName("close")] string Close);
