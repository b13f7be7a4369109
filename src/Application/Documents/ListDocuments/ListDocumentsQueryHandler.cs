using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Documents.ListDocuments;

public sealed class ListDocumentsQueryHandler(IReadStore readStore) : IQueryHandler<ListDocumentsQuery, IReadOnlyList<DocumentDetails>>
{
    public async ValueTask<IReadOnlyList<DocumentDetails>> Handle(ListDocumentsQuery query, CancellationToken cancellationToken)
    {
        _ = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        return await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == query.ProjectId && d.Status != DocumentStatus.Deleted).OrderBy(d => d.CreatedAt),
            cancellationToken);
    }
}
