using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using Mediator;

namespace CleanRag.Application.Documents.ConfirmUpload;

public sealed class ConfirmUploadCommandHandler(IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IUploadReceipts receipts, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<ConfirmUploadCommand, DocumentDetails>
{
    public async ValueTask<DocumentDetails> Handle(ConfirmUploadCommand command, CancellationToken cancellationToken)
    {
        var document = await aggregates.LoadDocumentForUpdateAsync(command.ProjectId, command.DocumentId, cancellationToken);
        var receipt = await receipts.FindAsync(document.Id, document.CurrentVersion, cancellationToken)
                      ?? throw new BadRequestException("upload_missing", "No bytes have been uploaded for this document yet; PUT them to the upload URL first.");
        await plan.EnsureCanStoreAsync(1, receipt.SizeBytes, document.CurrentVersion > 1 ? document.Id : null, cancellationToken);
        aggregates.Append(document, document.ConfirmUpload(receipt.SizeBytes, receipt.ContentHash, clock.GetUtcNow()));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.LoadAsync<DocumentDetails>(document.Id, cancellationToken) ?? throw new NotFoundException("Document");
    }
}
