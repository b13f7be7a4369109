using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Documents.ConfirmUpload;

public sealed class ConfirmUploadCommandHandler(IEventStore eventStore, IReadStore readStore, IUploadReceipts receipts, TimeProvider clock)
    : ICommandHandler<ConfirmUploadCommand, DocumentDetails>
{
    public async ValueTask<DocumentDetails> Handle(ConfirmUploadCommand command, CancellationToken cancellationToken)
    {
        var document = await eventStore.LoadDocumentAsync(command.ProjectId, command.DocumentId, cancellationToken);
        var receipt = await receipts.FindAsync(document.Id, document.CurrentVersion, cancellationToken)
                      ?? throw new ConflictException("upload_missing", "No bytes have been uploaded for this document yet; PUT them to the upload URL first.");
        await eventStore.AppendAsync(document.Id, document.Version,
            [document.ConfirmUpload(receipt.SizeBytes, receipt.ContentHash, clock.GetUtcNow())], cancellationToken);
        return await readStore.LoadAsync<DocumentDetails>(document.Id, cancellationToken) ?? throw new NotFoundException("Document");
    }
}
