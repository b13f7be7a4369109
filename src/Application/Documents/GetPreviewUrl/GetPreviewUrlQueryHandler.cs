using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Documents.GetPreviewUrl;

public sealed class GetPreviewUrlQueryHandler(IRequestContext context, IReadStore readStore, ISignedLinks links, DocumentOptions options, TimeProvider clock)
    : IQueryHandler<GetPreviewUrlQuery, PreviewLink>
{
    public async ValueTask<PreviewLink> Handle(GetPreviewUrlQuery query, CancellationToken cancellationToken)
    {
        var document = await readStore.LoadAsync<DocumentDetails>(query.DocumentId, cancellationToken);
        if (document is null || document.ProjectId != query.ProjectId || document.Status == DocumentStatus.Deleted)
            throw new NotFoundException("Document");
        if (document.ContentHash is null)
            throw new ConflictException("upload_missing", "The document's bytes have not been uploaded yet.");

        var expiresAt = clock.GetUtcNow() + options.PreviewUrlLifetime;
        var token = links.Create(new FileTicket(
            FileTicketPurpose.Preview, context.TenantId, document.ProjectId, document.Id, document.FileVersion, expiresAt, document.ContentHash));
        return new PreviewLink(document.Id, document.FileVersion, token, expiresAt);
    }
}
