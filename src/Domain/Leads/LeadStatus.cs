namespace CleanRag.Domain.Leads;

/// <summary>How far the team got with a lead.</summary>
public enum LeadStatus
{
    New,
    Contacted,
    Won,
    Lost,
}
