using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents.SyncDocuments;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents;

/// <summary>Brings a project's documents up to date: confirms uploads whose bytes arrived and queues what is not indexed. Used by sync and deploy.</summary>
public sealed class DocumentIngestionQueue(IEventStore eventStore, IReadStore readStore, IUploadReceipts receipts, TimeProvider clock)
{
    /// <summary>Confirms every presigned upload whose bytes were received but never confirmed; returns how many.</summary>
    public async Task<int> ConfirmReceivedUploadsAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var documents = await ListAsync(projectId, cancellationToken);
        var confirmed = 0;
        foreach (var details in documents)
        {
            var document = await eventStore.LoadAsync<Document>(details.Id, cancellationToken);
            if (document is null || document.IsDeleted || document.CurrentVersion == document.UploadedVersion)
                continue;
            if (await receipts.FindAsync(document.Id, document.CurrentVersion, cancellationToken) is not { } receipt)
                continue;
            try
            {
                await eventStore.AppendAsync(document.Id, document.Version,
                    [document.ConfirmUpload(receipt.SizeBytes, receipt.ContentHash, clock.GetUtcNow())], cancellationToken);
                confirmed++;
            }
            catch (ConcurrencyConflictException)
            {
                // Confirmed or changed by a concurrent request meanwhile.
            }
        }
        return confirmed;
    }

    /// <summary>Queues every document that is not indexed at its newest version; ingestion runs on the bus.</summary>
    public async Task<SyncResult> QueueIngestionAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var documents = await ListAsync(projectId, cancellationToken);
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

    private Task<IReadOnlyList<DocumentDetails>> ListAsync(Guid projectId, CancellationToken cancellationToken) =>
        readStore.ListAsync<DocumentDetails>(q => q.Where(d => d.ProjectId == projectId && d.Status != DocumentStatus.Deleted), cancellationToken);
}
