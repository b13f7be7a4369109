using CleanRag.Application.Webhooks;
using CleanRag.Domain.Webhooks;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class WebhookDetailsProjection : SingleStreamProjection<WebhookDetails, Guid>
{
    public static WebhookDetails Create(IEvent<WebhookSubscribed> e) => new()
    {
        Id = e.Data.WebhookId,
        CompanyId = e.Data.CompanyId,
        ProjectId = e.Data.ProjectId,
        Url = e.Data.Url,
        Events = [.. e.Data.Events],
        Active = e.Data.Active,
        DisabledReason = e.Data.Active ? null : WebhookDisableReason.Admin,
        ProtectedSecret = e.Data.ProtectedSecret,
        FailuresCountSince = e.Data.SubscribedAt,
        CreatedAt = e.Data.SubscribedAt,
        UpdatedAt = e.Timestamp,
        Version = e.Version,
    };

    public void Apply(IEvent<WebhookChanged> e, WebhookDetails view)
    {
        view.Url = e.Data.Url;
        view.Events = [.. e.Data.Events];
        Touch(view, e);
    }

    public void Apply(IEvent<WebhookSecretRotated> e, WebhookDetails view)
    {
        view.ProtectedSecret = e.Data.ProtectedSecret;
        Touch(view, e);
    }

    public void Apply(IEvent<WebhookDisabled> e, WebhookDetails view)
    {
        view.Active = false;
        view.DisabledReason = e.Data.Reason;
        Touch(view, e);
    }

    public void Apply(IEvent<WebhookEnabled> e, WebhookDetails view)
    {
        view.Active = true;
        view.DisabledReason = null;
        view.FailuresCountSince = e.Data.EnabledAt;
        Touch(view, e);
    }

    public void Apply(IEvent<WebhookDeleted> e, WebhookDetails view)
    {
        view.Deleted = true;
        view.Active = false;
        Touch(view, e);
    }

    private static void Touch(WebhookDetails view, IEvent e)
    {
        view.UpdatedAt = e.Timestamp;
        view.Version = e.Version;
    }
}
