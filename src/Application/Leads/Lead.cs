namespace CleanRag.Application.Leads;

/// <summary>
/// A visitor who asked for a person and left an email or a phone number: the read model of the leads inbox. Its id is the
/// escalation event's, so one escalation is one lead however often the event is delivered.
/// </summary>
public sealed class Lead
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid ConversationId { get; set; }
    public string VisitorId { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>What the visitor wrote in the escalation form, verbatim (null for an escalation asked in the chat).</summary>
    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
