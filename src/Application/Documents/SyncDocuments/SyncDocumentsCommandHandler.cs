using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Documents.SyncDocuments;

public sealed class SyncDocumentsCommandHandler(IEventStore eventStore, IReadStore readStore, TimeProvider clock)
    : ICommandHandler<SyncDocumentsCommand, SyncResult>
{
    public async ValueTask<SyncResult> Handle(SyncDocumentsCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        var documents = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == command.ProjectId && d.Status != DocumentStatus.Deleted), cancellationToken);

        var statuses = new Dictionary<string, int>();
        var queued = 0;
        foreach (var details in documents)
        {
            var document = await eventStore.LoadAsync<Document>(details.Id, cancellationToken) ?? throw new NotFoundException("Document");
            var status = document.Status;
            if (document.NeedsIngestion)
            {
                try
                {
                    await eventStore.AppendAsync(document.Id, document.Version, [document.QueueIngestion(clock.GetUtcNow())], cancellationToken);
                    status = DocumentStatus.Queued;
                    queued++;
                }
                catch (ConcurrencyConflictException)
                {
                    // Changed meanwhile (ingestion moved it on, or a concurrent sync queued it): report it as it is.
                    status = (await eventStore.LoadAsync<Document>(details.Id, cancellationToken))!.Status;
                }
            }
            var key = status.ToString().ToLowerInvariant();
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
        }

        var message = queued == 0
            ? "Nothing to ingest: every document is indexed, processing or waiting for its upload."
            : $"{queued} document(s) queued for ingestion.";
        return new SyncResult(documents.Count, queued, statuses, message);
    }
}
