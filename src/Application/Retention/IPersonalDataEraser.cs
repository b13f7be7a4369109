namespace CleanRag.Application.Retention;

/// <summary>
/// Removes what visitors left, for good, with the command's unit of work (so the removal commits together with the
/// <see cref="Domain.Companies.RetentionApplied"/> record, or not at all): the stream holding their words and every read
/// model built from it.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>The conversation's events, its read models and its entries in the global conversation directory.</summary>
    void EraseConversation(Guid conversationId);

    /// <summary>The lead's events (which hold the contact details) and its read model.</summary>
    void EraseLead(Guid leadId);

    /// <summary>
    /// Webhook deliveries created before <paramref name="cutoff"/> that are finished (delivered or failed): their bodies hold
    /// what visitors wrote and their contact details. Pending ones are left to finish.
    /// </summary>
    void EraseWebhookDeliveriesBefore(DateTimeOffset cutoff);
}
