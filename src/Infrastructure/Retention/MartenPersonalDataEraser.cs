using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Application.Leads;
using CleanRag.Application.Retention;
using CleanRag.Application.Webhooks;
using CleanRag.Infrastructure.Chat;
using CleanRag.Infrastructure.Persistence;
using Marten;

namespace CleanRag.Infrastructure.Retention;

/// <summary>
/// Stages the removals in the unit of work's session of the current tenant. Streams are hard-deleted (Marten's
/// <c>TombstoneStream</c>: events and stream row gone, in this tenant only), not archived, since an archived stream still
/// holds the visitor's words; the documents projected from them are deleted alongside, as Marten leaves those alone.
/// </summary>
internal sealed class MartenPersonalDataEraser(MartenUnitOfWork unitOfWork, IRequestContext context) : IPersonalDataEraser
{
    public void EraseConversation(Guid conversationId)
    {
        var session = unitOfWork.SessionFor(context.TenantId);
        session.Events.TombstoneStream(conversationId);
        session.Delete<ConversationDetails>(conversationId);
        session.Delete<Persistence.Projections.AnalyticsConversation>(conversationId); // its questions' normalised words
        // Global (not per tenant) entries: the conversation's own and one per message id.
        session.DeleteWhere<ConversationDirectoryEntry>(entry => entry.ConversationId == conversationId);
    }

    public void EraseLead(Guid leadId)
    {
        var session = unitOfWork.SessionFor(context.TenantId);
        session.Events.TombstoneStream(leadId);
        session.Delete<LeadDetails>(leadId);
    }

    public void EraseWebhookDeliveriesBefore(DateTimeOffset cutoff) =>
        unitOfWork.SessionFor(context.TenantId)
            .DeleteWhere<WebhookDelivery>(d => d.CreatedAt < cutoff && d.Status != WebhookDeliveryStatus.Pending);
}
