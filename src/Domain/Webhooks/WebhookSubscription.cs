using CleanRag.Domain.Common;

namespace CleanRag.Domain.Webhooks;

/// <summary>
/// A project's outbound webhook: where to POST, which event types, whether it is active, and its signing
/// secret (kept protected). Command methods check invariants and return the events to append.
/// </summary>
public sealed class WebhookSubscription : AggregateRoot
{
    public Guid CompanyId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Url { get; private set; } = "";
    public IReadOnlyList<string> Events { get; private set; } = [];
    public bool Active { get; private set; }
    public WebhookDisableReason? DisabledReason { get; private set; }
    public string ProtectedSecret { get; private set; } = "";
    public bool IsDeleted { get; private set; }

    public static WebhookSubscribed Subscribe(
        Guid webhookId, Guid companyId, Guid projectId, string url, IEnumerable<string> events, bool active, string protectedSecret,
        Guid createdBy, DateTimeOffset now) =>
        new(webhookId, companyId, projectId, url.Trim(), KnownEvents(events), active, protectedSecret, createdBy, now);

    public WebhookChanged Change(string url, IEnumerable<string> events)
    {
        EnsureNotDeleted();
        return new WebhookChanged(Id, url.Trim(), KnownEvents(events));
    }

    public WebhookSecretRotated RotateSecret(string protectedSecret, DateTimeOffset now)
    {
        EnsureNotDeleted();
        return new WebhookSecretRotated(Id, protectedSecret, now);
    }

    public WebhookDisabled Disable(WebhookDisableReason reason, DateTimeOffset now)
    {
        EnsureNotDeleted();
        if (!Active)
            throw new DomainRuleViolationException("webhook_inactive", "The webhook is already disabled.");
        return new WebhookDisabled(Id, reason, now);
    }

    public WebhookEnabled Enable(DateTimeOffset now)
    {
        EnsureNotDeleted();
        if (Active)
            throw new DomainRuleViolationException("webhook_active", "The webhook is already active.");
        return new WebhookEnabled(Id, now);
    }

    public WebhookDeleted Delete(Guid deletedBy, DateTimeOffset now)
    {
        EnsureNotDeleted();
        return new WebhookDeleted(Id, deletedBy, now);
    }

    /// <summary>At least one event type, each one CleanRag knows; duplicates are dropped.</summary>
    private static IReadOnlyList<string> KnownEvents(IEnumerable<string> events)
    {
        var distinct = events.Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
            throw new DomainRuleViolationException("no_events", "A webhook needs at least one event type.");
        if (distinct.FirstOrDefault(e => !WebhookEventTypes.IsSubscribable(e)) is { } unknown)
            throw new DomainRuleViolationException("unknown_event", $"'{unknown}' is not a webhook event type.");
        return distinct;
    }

    private void EnsureNotDeleted()
    {
        if (IsDeleted)
            throw new DomainRuleViolationException("webhook_deleted", "The webhook was deleted.");
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case WebhookSubscribed e:
                Id = e.WebhookId;
                CompanyId = e.CompanyId;
                ProjectId = e.ProjectId;
                Url = e.Url;
                Events = e.Events;
                Active = e.Active;
                DisabledReason = e.Active ? null : WebhookDisableReason.Admin;
                ProtectedSecret = e.ProtectedSecret;
                break;
            case WebhookChanged e:
                Url = e.Url;
                Events = e.Events;
                break;
            case WebhookSecretRotated e:
                ProtectedSecret = e.ProtectedSecret;
                break;
            case WebhookDisabled e:
                Active = false;
                DisabledReason = e.Reason;
                break;
            case WebhookEnabled:
                Active = true;
                DisabledReason = null;
                break;
            case WebhookDeleted:
                IsDeleted = true;
                Active = false;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
