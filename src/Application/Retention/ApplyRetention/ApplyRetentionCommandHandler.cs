using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Application.Leads;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Retention.ApplyRetention;

public sealed class ApplyRetentionCommandHandler(IAggregateStore aggregates, IReadStore readStore, IPersonalDataEraser eraser, IRequestContext context)
    : ICommandHandler<ApplyRetentionCommand, RetentionResult>
{
    /// <summary>Bounds one transaction (and the documents read for it); the job sends the command again for the rest.</summary>
    public const int BatchSize = 200;

    public async ValueTask<RetentionResult> Handle(ApplyRetentionCommand command, CancellationToken cancellationToken)
    {
        var company = await aggregates.LoadForUpdateAsync<Company>(context.TenantId, cancellationToken) ?? throw new NotFoundException("Company");
        var cutoff = company.RetentionCutoff(command.AsOf);

        var conversations = await readStore.ListAsync<ConversationDetails>(all => all
            .Where(c => c.LastMessageAt < cutoff)
            .OrderBy(c => c.LastMessageAt)
            .Take(BatchSize), cancellationToken);
        List<Guid?> conversationIds = [.. conversations.Select(c => (Guid?)c.Id)];
        // A lead goes with its conversation, however recently the team touched it; one without a conversation by its own age.
        var leadsOfConversations = conversationIds.Count == 0
            ? []
            : await readStore.ListAsync<LeadDetails>(all => all.Where(l => conversationIds.Contains(l.ConversationId)), cancellationToken);
        var leadsOnTheirOwn = await readStore.ListAsync<LeadDetails>(all => all
            .Where(l => l.ConversationId == null && l.UpdatedAt < cutoff)
            .OrderBy(l => l.UpdatedAt)
            .Take(BatchSize), cancellationToken);

        foreach (var conversation in conversations)
            eraser.EraseConversation(conversation.Id);
        var leadIds = leadsOfConversations.Concat(leadsOnTheirOwn).Select(l => l.Id).ToList();
        foreach (var leadId in leadIds)
            eraser.EraseLead(leadId);
        eraser.EraseWebhookDeliveriesBefore(cutoff);
        if (company.RecordRetention(conversations.Count, leadIds.Count, command.AsOf) is { } applied)
            aggregates.Append(company, applied);
        return new RetentionResult(conversations.Count, leadIds.Count, conversations.Count < BatchSize && leadsOnTheirOwn.Count < BatchSize);
    }
}
