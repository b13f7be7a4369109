namespace CleanRag.Domain.Projects;

/// <summary>How the embedded chat widget of a project looks and when a person is there to answer.</summary>
/// <param name="DisplayName">The name in the widget's header; null shows the project's name.</param>
/// <param name="Color">The main colour, <c>#RRGGBB</c>.</param>
/// <param name="GradientStops">One to five <c>#RRGGBB</c> colours of the header gradient.</param>
/// <param name="Avatar">An absolute https URL of the assistant's picture, or null for none.</param>
/// <param name="ShowBranding">Whether the "powered by" line shows (the plan may force it on).</param>
/// <param name="CustomCss">Extra CSS the widget adds inside its own style element; null for none.</param>
public sealed record WidgetSettings(
    string? DisplayName,
    string Color,
    IReadOnlyList<string> GradientStops,
    WidgetPosition Position,
    string Welcome,
    string? Avatar,
    bool ShowBranding,
    string? CustomCss,
    OfficeHours OfficeHours)
{
    public const int MaxCustomCssLength = 10_000;
    public const int MaxGradientStops = 5;

    public static WidgetSettings Default { get; } = new(
        DisplayName: null,
        Color: "#4F46E5",
        GradientStops: ["#4F46E5", "#7C3AED"],
        Position: WidgetPosition.BottomRight,
        Welcome: "Hi! How can I help you today?",
        Avatar: null,
        ShowBranding: true,
        CustomCss: null,
        OfficeHours: OfficeHours.Default);

    /// <summary>The name the widget shows for a project called <paramref name="projectName"/>.</summary>
    public string NameFor(string projectName) => DisplayName ?? projectName;
}

public enum WidgetPosition
{
    BottomRight,
    BottomLeft,
}
