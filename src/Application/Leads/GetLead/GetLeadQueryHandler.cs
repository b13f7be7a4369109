using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Leads.GetLead;

public sealed class GetLeadQueryHandler(IReadStore readStore) : IQueryHandler<GetLeadQuery, LeadView>
{
    public async ValueTask<LeadView> Handle(GetLeadQuery query, CancellationToken cancellationToken) =>
        LeadView.From(await readStore.LoadLeadAsync(query.LeadId, cancellationToken));
}
