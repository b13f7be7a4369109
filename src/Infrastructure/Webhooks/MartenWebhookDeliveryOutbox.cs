using CleanRag.Application.Webhooks;
using CleanRag.Application.Webhooks.FanOut;
using CleanRag.Infrastructure.Persistence;
using Marten;
using Marten.Services;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Stages deliveries in the unit of work's session for their tenant, leased to a dispatch, and publishes that dispatch
/// only after the session committed (a session listener): a rolled-back reaction dispatches nothing, and a dispatch lost
/// after the commit is re-sent by the sweeper once the lease runs out.
/// </summary>
internal sealed class MartenWebhookDeliveryOutbox(MartenUnitOfWork unitOfWork, MartenWebhookDeliveryQueue queue) : IWebhookDeliveryOutbox
{
    public void Add(WebhookDelivery delivery)
    {
        queue.Lease(delivery);
        var session = unitOfWork.SessionFor(delivery.CompanyId);
        session.Insert(delivery);
        var dispatch = session.Listeners.OfType<DispatchAfterCommit>().FirstOrDefault();
        if (dispatch is null)
        {
            dispatch = new DispatchAfterCommit(queue);
            session.Listeners.Add(dispatch);
        }
        dispatch.Deliveries.Add(delivery);
    }

    private sealed class DispatchAfterCommit(MartenWebhookDeliveryQueue queue) : DocumentSessionListenerBase
    {
        public List<WebhookDelivery> Deliveries { get; } = [];

        public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var delivery in Deliveries)
                await queue.TryPublishAsync(delivery, token);
        }
    }
}
