using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Documents.ListDocumentVersions;

public sealed class ListDocumentVersionsQueryHandler(IReadStore readStore)
    : IQueryHandler<ListDocumentVersionsQuery, IReadOnlyList<DocumentVersion>>
{
    public async ValueTask<IReadOnlyList<DocumentVersion>> Handle(ListDocumentVersionsQuery query, CancellationToken cancellationToken)
    {
        var document = await readStore.LoadAsync<DocumentDetails>(query.DocumentId, cancellationToken);
        if (document is null || document.ProjectId != query.ProjectId || document.Status == DocumentStatus.Deleted)
            throw new NotFoundException("Document");
        return document.Versions.OrderByDescending(v => v.Version).ToList();
    }
}
