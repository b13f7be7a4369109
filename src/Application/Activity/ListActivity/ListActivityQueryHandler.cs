using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Activity.ListActivity;

public sealed class ListActivityQueryHandler(IReadStore readStore) : IQueryHandler<ListActivityQuery, ActivityPage>
{
    public async ValueTask<ActivityPage> Handle(ListActivityQuery query, CancellationToken cancellationToken)
    {
        var items = await readStore.ListAsync<ActivityEntry>(
            entries => entries.OrderByDescending(e => e.Sequence).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize),
            cancellationToken);
        return new ActivityPage(query.Page, query.PageSize, items);
    }
}
