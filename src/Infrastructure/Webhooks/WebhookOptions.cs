using Microsoft.Extensions.Configuration;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6),
    ];

    /// <summary>Accept plain http targets (https only by default).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Hosts (names or IP literals, as written in the URL) exempt from the private-address guard.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Waits between attempts of a failing delivery; one attempt more than delays in all.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>Each retry delay is spread by up to ± this fraction.</summary>
    public double JitterRatio { get; set; } = 0.2;

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>This many deliveries in a row failing (after all their attempts) disables the webhook; 0 never does.</summary>
    public int AutoDisableAfterConsecutiveFailures { get; set; } = 5;

    /// <summary>How often the sweeper looks for due deliveries in PostgreSQL.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a dispatched delivery waits for its consumer before the sweeper dispatches it again.</summary>
    public TimeSpan DispatchLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An attempt in progress keeps others off this long (the timeout plus a dispatch lease of margin).</summary>
    public TimeSpan AttemptLease => Timeout + DispatchLease;

    public static WebhookOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<WebhookOptions>() ?? new WebhookOptions();
        // Lists bind by appending, so the defaults are applied only when nothing was configured.
        if (options.RetryDelays.Count == 0)
            options.RetryDelays = [.. DefaultRetryDelays];
        if (options.RetryDelays.Any(d => d <= TimeSpan.Zero) || options.Timeout <= TimeSpan.Zero || options.SweepInterval <= TimeSpan.Zero
            || options.DispatchLease <= TimeSpan.Zero || options.JitterRatio is < 0 or >= 1)
            throw new InvalidOperationException("Webhooks: delays, Timeout, SweepInterval and DispatchLease must be positive, JitterRatio in [0, 1).");
        return options;
    }
}
