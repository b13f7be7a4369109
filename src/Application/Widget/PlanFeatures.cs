namespace CleanRag.Application.Widget;

/// <summary>
/// What the company's plan allows the widget. There are no plans yet (issue #16 adds them): every company gets the
/// flags of configuration section <c>Plans:Default:Features</c> (snake_case names such as <c>remove_branding</c>).
/// A flag not configured is off.
/// </summary>
public sealed class PlanFeatures(IReadOnlyDictionary<string, bool> flags)
{
    public const string Section = "Plans:Default:Features";
    public const string CustomCss = "custom_css";
    public const string RemoveBranding = "remove_branding";
    public const string OfficeHours = "office_hours";

    /// <summary>Reading and managing the workspace's projects, documents and conversations with an API key (the public chat needs no plan).</summary>
    public const string ApiAccess = "api_access";

    /// <summary>Every configured flag, for the widget to switch its features on and off.</summary>
    public IReadOnlyDictionary<string, bool> Flags { get; } = flags;

    public bool Allows(string feature) => Flags.TryGetValue(feature, out var allowed) && allowed;
}
