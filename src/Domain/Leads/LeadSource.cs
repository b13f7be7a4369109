namespace CleanRag.Domain.Leads;

/// <summary>Where a lead came from.</summary>
public enum LeadSource
{
    /// <summary>The visitor asked for a person and left an email or a phone number.</summary>
    Escalation,
    /// <summary>The visitor wrote an email address or a phone number in a chat message.</summary>
    Chat,
    /// <summary>Created over the API with a key, by the customer's own systems.</summary>
    Api,
    /// <summary>Created by a team member from the dashboard.</summary>
    Manual,
}
