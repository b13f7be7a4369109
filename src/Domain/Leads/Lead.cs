using CleanRag.Domain.Common;

namespace CleanRag.Domain.Leads;

/// <summary>
/// A person the team may follow up: their contact details, where they came from, and how far the team got. Captured with
/// an email or a phone number (or both); the team moves its status along and keeps notes.
/// </summary>
public sealed class Lead : AggregateRoot
{
    public const int MaxNameLength = 200;
    public const int MaxNotesLength = 4000;

    public Guid ProjectId { get; private set; }
    public Guid? ConversationId { get; private set; }
    public LeadSource Source { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public LeadStatus Status { get; private set; }
    public string? Notes { get; private set; }

    public static LeadCaptured Capture(
        Guid leadId, Guid projectId, Guid? conversationId, LeadSource source, string? visitorId, string? name, string? email, string? phone,
        string? message, string? notes, Guid? capturedBy, DateTimeOffset now)
    {
        email = Blank(email) ? null : email!.Trim();
        phone = Blank(phone) ? null : phone!.Trim();
        if (email is null && phone is null)
            throw new DomainRuleViolationException("contact_required", "A lead needs an email address or a phone number.");
        if (conversationId is null && source is LeadSource.Escalation or LeadSource.Chat)
            throw new DomainRuleViolationException("conversation_required", "A lead from a conversation names its conversation.");
        return new LeadCaptured(leadId, projectId, conversationId, source, visitorId, Blank(name) ? null : name!.Trim(), email, phone,
            message, Blank(notes) ? null : notes, capturedBy, now);
    }

    /// <summary>The status change, or null when the lead already has that status.</summary>
    public LeadStatusChanged? ChangeStatus(LeadStatus status, Guid? changedBy, DateTimeOffset now) =>
        status == Status ? null : new LeadStatusChanged(Id, status, changedBy, now);

    /// <summary>The new notes (blank clears them), or null when they are the same.</summary>
    public LeadNotesChanged? ChangeNotes(string? notes, Guid? changedBy, DateTimeOffset now)
    {
        var changed = Blank(notes) ? null : notes;
        return changed == Notes ? null : new LeadNotesChanged(Id, changed, changedBy, now);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case LeadCaptured e:
                Id = e.LeadId;
                ProjectId = e.ProjectId;
                ConversationId = e.ConversationId;
                Source = e.Source;
                Email = e.Email;
                Phone = e.Phone;
                Notes = e.Notes;
                Status = LeadStatus.New;
                break;
            case LeadStatusChanged e:
                Status = e.Status;
                break;
            case LeadNotesChanged e:
                Notes = e.Notes;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
