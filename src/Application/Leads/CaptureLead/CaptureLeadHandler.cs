using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Conversations;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Leads;

namespace CleanRag.Application.Leads.CaptureLead;

/// <summary>
/// Turns what visitors leave into leads: an escalation with an email or a phone number (the widget's form or asking for a
/// person in the chat), and contact details written in any chat message. Each becomes a <see cref="Lead"/> stream whose
/// <see cref="LeadCaptured"/> fires the <c>new_lead</c> webhook, whatever the source.
/// </summary>
public sealed class CaptureLeadHandler(IReadStore reads, IAggregateStore aggregates) :
    IDomainEventHandler<EscalationRequested>,
    IDomainEventHandler<VisitorAsked>
{
    public async Task HandleAsync(DomainEvent<EscalationRequested> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        if (e.Email is null && e.Phone is null)
            return;
        // Inline, so it exists once any of its events is committed: missing only when retention removed it since.
        if (await reads.LoadAsync<ConversationDetails>(e.ConversationId, cancellationToken) is not { } conversation)
            return;
        // Asked in the chat, the visitor's words are the message that asked; the form's message otherwise.
        var message = e.Message ?? conversation.Messages.Find(m => m.MessageId == e.MessageId)?.Question;
        // The escalation event's id: one escalation is one lead, however often the event is delivered.
        aggregates.Start<Lead>(notice.EventId, Lead.Capture(notice.EventId, conversation.ProjectId, e.ConversationId, LeadSource.Escalation,
            conversation.VisitorId, name: null, e.Email, e.Phone, message, notes: null, capturedBy: null, e.At));
    }

    public async Task HandleAsync(DomainEvent<VisitorAsked> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        if (ChatContactDetails.Find(e.Question) is not { } found)
            return;
        var (email, phone) = found;
        if (await reads.LoadAsync<ConversationDetails>(e.ConversationId, cancellationToken) is not { } conversation)
            return;
        // Asking for a person with these details makes an escalation (recorded with the message that asked), whose own lead has them.
        if (conversation.HandlingChanges.Any(h => h.Change == "escalated" && LeadContact.SameContact(email, phone, h.Email, h.Phone)))
            return;
        var known = await reads.ListAsync<LeadDetails>(leads => leads.Where(l => l.ConversationId == e.ConversationId), cancellationToken);
        if (known.Any(l => LeadContact.SameContact(email, phone, l.Email, l.Phone)))
            return;
        // Named after the conversation and the contact: two messages with it, handled at once, collide on the stream and the
        // retry finds the other's lead above.
        var leadId = LeadIds.FromChat(e.ConversationId, LeadContact.EmailKey(email) ?? LeadContact.PhoneKey(phone)!);
        aggregates.Start<Lead>(leadId, Lead.Capture(leadId, conversation.ProjectId, e.ConversationId, LeadSource.Chat, conversation.VisitorId,
            name: null, email, phone, e.Question, notes: null, capturedBy: null, e.AskedAt));
    }
}
