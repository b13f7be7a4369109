using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Leads;
using Mediator;

namespace CleanRag.Application.Leads.UpdateLead;

public sealed class UpdateLeadCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<UpdateLeadCommand, LeadView>
{
    public async ValueTask<LeadView> Handle(UpdateLeadCommand command, CancellationToken cancellationToken)
    {
        var lead = await aggregates.LoadForUpdateAsync<Lead>(command.LeadId, cancellationToken) ?? throw new NotFoundException("Lead");
        var changedBy = context.UserId == Guid.Empty ? (Guid?)null : context.UserId;
        var now = clock.GetUtcNow();
        if (LeadFilters.TryParse<LeadStatus>(command.Status, out var status) && lead.ChangeStatus(status, changedBy, now) is { } statusChanged)
            aggregates.Append(lead, statusChanged);
        if (command.Notes is not null && lead.ChangeNotes(command.Notes, changedBy, now) is { } notesChanged)
            aggregates.Append(lead, notesChanged);
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return LeadView.From(await readStore.LoadLeadAsync(lead.Id, cancellationToken));
    }
}
