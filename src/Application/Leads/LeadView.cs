using CleanRag.Domain.Leads;

namespace CleanRag.Application.Leads;

/// <summary>A lead as the dashboard and the API show it; <see cref="ConversationId"/> links to its conversation, when it has one.</summary>
public sealed record LeadView(
    Guid Id, Guid ProjectId, Guid? ConversationId, string? VisitorId, LeadSource Source, LeadStatus Status, string? Name, string? Email,
    string? Phone, string? Message, string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LeadView From(LeadDetails lead) =>
        new(lead.Id, lead.ProjectId, lead.ConversationId, lead.VisitorId, lead.Source, lead.Status, lead.Name, lead.Email, lead.Phone,
            lead.Message, lead.Notes, lead.CreatedAt, lead.UpdatedAt);
}
