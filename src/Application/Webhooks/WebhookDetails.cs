using CleanRag.Domain.Webhooks;

namespace CleanRag.Application.Webhooks;

/// <summary>Read model of one webhook subscription, kept up to date by a projection of its stream.</summary>
public sealed class WebhookDetails
{
    public Guid Id { get; set; }
    public Guid CompanyId { get; set; }
    public Guid ProjectId { get; set; }
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public bool Active { get; set; }
    public WebhookDisableReason? DisabledReason { get; set; }

    /// <summary>The signing secret, encrypted (<see cref="IWebhookSecretProtector"/>).</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>Failed deliveries count towards auto-disabling only when they finished after this (creation or last re-enable).</summary>
    public DateTimeOffset FailuresCountSince { get; set; }

    public bool Deleted { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}
