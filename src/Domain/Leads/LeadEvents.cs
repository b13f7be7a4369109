using CleanRag.Domain.Common;

namespace CleanRag.Domain.Leads;

/// <summary>A visitor's (or a customer's) contact details became a lead of the project.</summary>
/// <param name="ConversationId">The conversation the lead came from; null for a lead created by hand or over the API without one.</param>
/// <param name="VisitorId">The conversation's visitor, when there is a conversation.</param>
/// <param name="Message">What the visitor wrote: the escalation form's message, or the chat message that held the contact details (verbatim).</param>
/// <param name="Notes">The team's notes, for a lead created by hand or over the API.</param>
/// <param name="CapturedBy">The team member who created it; null when a reaction or an API key did.</param>
public sealed record LeadCaptured(
    Guid LeadId, Guid ProjectId, Guid? ConversationId, LeadSource Source, string? VisitorId, string? Name, string? Email, string? Phone,
    string? Message, string? Notes, Guid? CapturedBy, DateTimeOffset CapturedAt) : IDomainEvent;

/// <summary>The team moved the lead along (<see cref="LeadStatus"/>).</summary>
public sealed record LeadStatusChanged(Guid LeadId, LeadStatus Status, Guid? ChangedBy, DateTimeOffset At) : IDomainEvent;

/// <summary>The team's notes on the lead, replaced as a whole (null clears them).</summary>
public sealed record LeadNotesChanged(Guid LeadId, string? Notes, Guid? ChangedBy, DateTimeOffset At) : IDomainEvent;
