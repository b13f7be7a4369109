using CleanRag.Application.Common.Exceptions;
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
        var (result, _) = await queue.QueueIngestionAsync(command.ProjectId, confirmReceivedUploads: false, cancellationToken);
        // Seed 001: "no documents ready for sync" is a bad request, so a client polling sync learns it has nothing to do.
        return result.QueuedCount > 0 ? result : throw new BadRequestException("nothing_to_sync", result.DocumentCount == 0
            ? "No documents are ready for sync: upload (and confirm) a document first."
            : $"No documents are ready for sync: {DescribeStatuses(result)}; upload or replace a document first.");
    }

    private static string DescribeStatuses(SyncResult result) =>
        string.Join(", ", result.StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Value} {s.Key}"));
}
