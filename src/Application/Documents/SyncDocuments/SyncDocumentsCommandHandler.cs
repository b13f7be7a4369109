using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.Documents.SyncDocuments;

public sealed class SyncDocumentsCommandHandler(DocumentIngestionQueue queue, IReadStore readStore)
    : ICommandHandler<SyncDocumentsCommand, SyncResult>
{
    public async ValueTask<SyncResult> Handle(SyncDocumentsCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        return (await queue.QueueIngestionAsync(command.ProjectId, confirmReceivedUploads: false, cancellationToken)).Result;
    }
}
