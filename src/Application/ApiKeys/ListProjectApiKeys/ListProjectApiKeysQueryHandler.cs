using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.ApiKeys.ListProjectApiKeys;

public sealed class ListProjectApiKeysQueryHandler(IReadStore readStore) : IQueryHandler<ListProjectApiKeysQuery, IReadOnlyList<ApiKeyDetails>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDetails>> Handle(ListProjectApiKeysQuery query, CancellationToken cancellationToken)
    {
        _ = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        return await readStore.ListAsync<ApiKeyDetails>(
            q => q.Where(k => k.ProjectId == query.ProjectId).OrderByDescending(k => k.CreatedAt), cancellationToken);
    }
}
