using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Documents.OpenFile;

public sealed class OpenFileQueryHandler(ISignedLinks links, IBlobStore blobs, IEventStore eventStore) : IQueryHandler<OpenFileQuery, OpenedFile>
{
    public async ValueTask<OpenedFile> Handle(OpenFileQuery query, CancellationToken cancellationToken)
    {
        var ticket = links.Read(query.Token, FileTicketPurpose.Preview)
                     ?? throw new ForbiddenException("The preview link is invalid or has expired.", "invalid_preview_url");
        var document = await eventStore.ForTenant(ticket.TenantId).LoadAsync<Domain.Documents.Document>(ticket.DocumentId, cancellationToken);
        if (document is null || document.IsDeleted)
            throw new NotFoundException("Document");
        var content = blobs.Open(ticket.TenantId, ticket.ContentHash!) ?? throw new NotFoundException("Document");
        // Types stored before uploads were validated may not be sendable as a header.
        return new OpenedFile(content, document.FileName,
            ContentTypes.IsValid(document.ContentType) ? document.ContentType : "application/octet-stream");
    }
}
