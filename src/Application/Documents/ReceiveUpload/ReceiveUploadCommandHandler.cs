using CleanRag.Application.Common.Exceptions;
using Mediator;

namespace CleanRag.Application.Documents.ReceiveUpload;

public sealed class ReceiveUploadCommandHandler(ISignedLinks links, IBlobStore blobs, IUploadReceipts receipts, DocumentOptions options)
    : ICommandHandler<ReceiveUploadCommand, ReceivedUpload>
{
    public async ValueTask<ReceivedUpload> Handle(ReceiveUploadCommand command, CancellationToken cancellationToken)
    {
        var ticket = links.Read(command.Token, FileTicketPurpose.Upload)
                     ?? throw new ForbiddenException("The upload link is invalid or has expired.", "invalid_upload_url");
        if (await receipts.FindAsync(ticket.DocumentId, ticket.Version, cancellationToken) is not null)
            throw new ConflictException("upload_already_received", "This upload link was already used.");

        var blob = await blobs.PutAsync(ticket.TenantId, command.Content, options.MaxFileBytes, cancellationToken);
        if (blob.SizeBytes == 0)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = ["the file is empty."] });

        var receipt = new UploadReceipt
        {
            Id = UploadReceipt.IdFor(ticket.DocumentId, ticket.Version), ContentHash = blob.ContentHash, SizeBytes = blob.SizeBytes,
        };
        if (!await receipts.TryAddAsync(receipt, cancellationToken))
            throw new ConflictException("upload_already_received", "This upload link was already used.");
        return new ReceivedUpload(ticket.DocumentId, ticket.Version, blob.SizeBytes, blob.ContentHash);
    }
}
