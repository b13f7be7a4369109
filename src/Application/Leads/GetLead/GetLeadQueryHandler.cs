using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Leads.GetLead;

public sealed class GetLeadQueryHandler(IReadStore readStore) : IQueryHandler<GetLeadQuery, LeadView>
{
    public async ValueTask<LeadView> Handle(GetLeadQuery query, CancellationToken cancellationToken)
    {
        var lead = await readStore.LoadLeadAsync(query.LeadId, cancellationToken);
        return query.ProjectId is null || lead.ProjectId == query.ProjectId ? LeadView.From(lead) : throw new NotFoundException("Lead");
    }
}
