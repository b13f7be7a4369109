using CleanRag.Domain.Leads;

namespace CleanRag.Application.Leads;

/// <summary>Read model of a lead (its stream's inline projection): the leads inbox, its filters and its export.</summary>
public sealed class LeadDetails
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? ConversationId { get; set; }
    public string? VisitorId { get; set; }
    public LeadSource Source { get; set; }
    public LeadStatus Status { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>What the visitor wrote, verbatim (see <see cref="LeadCaptured.Message"/>).</summary>
    public string? Message { get; set; }

    public string? Notes { get; set; }
    public Guid? CreatedBy { get; set; }

    /// <summary>Name, email and phone lower-cased, and the phone's digits: what <c>q</c> searches.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public static string SearchTextOf(string? name, string? email, string? phone) =>
        string.Join('\n', new[] { name, email, phone, LeadContact.PhoneKey(phone) }.Where(s => s is not null)).ToLowerInvariant();
}
