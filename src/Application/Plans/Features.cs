namespace CleanRag.Application.Plans;

/// <summary>The feature flags a plan switches on (snake_case, as in <c>Plans:Definitions:&lt;plan&gt;:Features</c> and the widget's <c>plan_features</c>).</summary>
public static class Features
{
    /// <summary>Reading the dashboard's data with an API key (the programmatic API).</summary>
    public const string ApiAccess = "api_access";
    public const string CustomCss = "custom_css";
    public const string RemoveBranding = "remove_branding";
    /// <summary>Escalation to a person and the team's replies.</summary>
    public const string HumanHandoff = "human_handoff";
    public const string Webhooks = "webhooks";
    public const string OfficeHours = "office_hours";

    public static IReadOnlyList<string> All { get; } = [ApiAccess, CustomCss, RemoveBranding, HumanHandoff, Webhooks, OfficeHours];
}
