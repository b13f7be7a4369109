namespace CleanRag.Application.Common;

/// <summary>The plan's default rate limits (configuration section RateLimits); a project's settings may override each.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int KeyRequestsPerMinute { get; set; } = 60;
    public int WidgetRequestsPerMinutePerVisitor { get; set; } = 20;
    public int WidgetRequestsPerMinute { get; set; } = 600;
}
