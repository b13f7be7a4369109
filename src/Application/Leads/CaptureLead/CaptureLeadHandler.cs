using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Conversations;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Leads.CaptureLead;

/// <summary>An escalation with the visitor's email or phone becomes a lead (from the widget's form or from the chat alike).</summary>
public sealed class CaptureLeadHandler(IReadStore reads, ILeadInbox leads) : IDomainEventHandler<EscalationRequested>
{
    public async Task HandleAsync(DomainEvent<EscalationRequested> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        if (e.Email is null && e.Phone is null)
            return;
        var conversation = await reads.LoadAsync<ConversationDetails>(e.ConversationId, cancellationToken)
                           // Its projection is inline, so it exists once any of its events is committed.
                           ?? throw new InvalidOperationException($"Conversation {e.ConversationId} has no details; its lead has no project.");
        leads.Add(new Lead
        {
            Id = notice.EventId, ProjectId = conversation.ProjectId, ConversationId = e.ConversationId, VisitorId = conversation.VisitorId,
            Email = e.Email, Phone = e.Phone, Message = e.Message, CreatedAt = e.At,
        });
    }
}
