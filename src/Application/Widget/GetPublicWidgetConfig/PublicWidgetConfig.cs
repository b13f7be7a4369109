using CleanRag.Application.Projects.GetWidgetConfig;

namespace CleanRag.Application.Widget.GetPublicWidgetConfig;

/// <summary>The widget's render-time configuration, with the plan's limits already applied.</summary>
public sealed record PublicWidgetConfig(
    Guid ProjectId,
    string Name,
    string Color,
    IReadOnlyList<string> GradientStops,
    string Position,
    string Welcome,
    string? Avatar,
    bool ShowBranding,
    string? CustomCss,
    PublicOfficeHours OfficeHours,
    IReadOnlyDictionary<string, bool> PlanFeatures);

public sealed record PublicOfficeHours(
    bool Enabled, string TimeZone, IReadOnlyList<OpeningRangeView> Weekly, bool OpenNow, string ClosedMessage, DateTimeOffset? NextOpenAt);
