using CleanRag.Domain.Common;

namespace CleanRag.Domain.Webhooks;

/// <summary>
/// A project's admin subscribed a URL to some event types. <paramref name="ProtectedSecret"/> is the signing secret
/// encrypted by the application (events can be read back for audit, so the plain secret never enters the stream).
/// </summary>
public sealed record WebhookSubscribed(
    Guid WebhookId, Guid CompanyId, Guid ProjectId, string Url, IReadOnlyList<string> Events, bool Active, string ProtectedSecret,
    Guid CreatedBy, DateTimeOffset SubscribedAt) : IDomainEvent;

public sealed record WebhookChanged(Guid WebhookId, string Url, IReadOnlyList<string> Events) : IDomainEvent;

public sealed record WebhookSecretRotated(Guid WebhookId, string ProtectedSecret, DateTimeOffset RotatedAt) : IDomainEvent;

public sealed record WebhookDisabled(Guid WebhookId, WebhookDisableReason Reason, DateTimeOffset DisabledAt) : IDomainEvent;

public sealed record WebhookEnabled(Guid WebhookId, DateTimeOffset EnabledAt) : IDomainEvent;

public sealed record WebhookDeleted(Guid WebhookId, Guid DeletedBy, DateTimeOffset DeletedAt) : IDomainEvent;

public enum WebhookDisableReason
{
    /// <summary>An admin switched it off.</summary>
    Admin,

    /// <summary>Too many deliveries in a row failed after all their attempts.</summary>
    ConsecutiveFailures,
}
