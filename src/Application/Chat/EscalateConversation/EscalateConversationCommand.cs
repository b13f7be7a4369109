using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Chat.EscalateConversation;

/// <summary>
/// The widget's "talk to a person" form (POST /api/widget/escalate): flags the conversation escalated and records any
/// contact details and message the visitor left, verbatim. Reactions turn contact details into a lead (and the
/// <c>new_lead</c> webhook), fire <c>escalation.requested</c> and mail the company's owners and admins.
/// </summary>
public sealed record EscalateConversationCommand(Guid ConversationId, string? Email, string? Phone, string? Message, string? Origin)
    : ICommand<EscalationAccepted>, IRetryOnConcurrencyConflict;

/// <param name="Handling">Who handles the conversation now: escalated, or human when a person already does.</param>
/// <param name="LeadCaptured">The visitor left an email or a phone number.</param>
public sealed record EscalationAccepted(Guid ConversationId, string Handling, bool LeadCaptured);
