using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Leads.ListLeads;

public sealed class ListLeadsQueryHandler(IReadStore readStore) : IQueryHandler<ListLeadsQuery, LeadPage>
{
    public async ValueTask<LeadPage> Handle(ListLeadsQuery query, CancellationToken cancellationToken)
    {
        await readStore.EnsureFilterProjectExistsAsync(query, cancellationToken);
        // One more than a page tells whether another page follows, without counting every match.
        var leads = await readStore.ListAsync<LeadDetails>(all => all.Matching(query)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize + 1), cancellationToken);
        return new LeadPage(query.Page, query.PageSize, leads.Count > query.PageSize, leads.Take(query.PageSize).Select(LeadView.From).ToList());
    }
}
