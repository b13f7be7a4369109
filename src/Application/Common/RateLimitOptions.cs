namespace CleanRag.Application.Common;

/// <summary>The plan's default rate limits (configuration section RateLimits); a project's settings may override each.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int KeyRequestsPerMinute { get; set; } = 60;
    public int WidgetRequestsPerMinutePerVisitor { get; set; } = 20;
    public int WidgetRequestsPerMinute { get; set; } = 600;

    /// <summary>Where the counters live: <c>memory</c> (this process; one API instance) or <c>postgres</c> (shared by every instance).</summary>
    public string Store { get; set; } = "memory";
}
