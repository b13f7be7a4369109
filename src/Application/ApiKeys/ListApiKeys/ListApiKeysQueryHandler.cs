using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysQueryHandler(IReadStore readStore) : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDetails>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDetails>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken) =>
        await readStore.ListAsync<ApiKeyDetails>(q => q.OrderByDescending(k => k.CreatedAt), cancellationToken);
}
