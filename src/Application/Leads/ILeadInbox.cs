namespace CleanRag.Application.Leads;

/// <summary>Stores leads with the reaction's unit of work, so a lead commits together with its "processed" marker, or not at all.</summary>
public interface ILeadInbox
{
    /// <summary>Stages the lead; storing a lead with the same id again replaces it.</summary>
    void Add(Lead lead);
}
