using Microsoft.Extensions.Configuration;

namespace CleanRag.Infrastructure.Retention;

/// <summary>The <c>Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How often the job enforces every company's <c>dataRetentionDays</c>; the first run is at start-up.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public static RetentionOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<RetentionOptions>() ?? new RetentionOptions();
        if (options.Interval <= TimeSpan.Zero)
            throw new InvalidOperationException("Retention:Interval must be positive.");
        return options;
    }
}
