using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents.SyncDocuments;
using CleanRag.Application.Plans;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents;

/// <summary>
/// Brings a project's documents up to date in one pass over them, staged in the command's unit of work. Used by sync
/// and deploy; both run again from the stored state when ingestion changed a document meanwhile.
/// </summary>
public sealed class DocumentIngestionQueue(
    IRequestContext context, IAggregateStore aggregates, IReadStore readStore, IUploadReceipts receipts, PlanGuard plan, TimeProvider clock)
{
    private const int LoadPageSize = 200;

    /// <summary>
    /// Queues every document that is not indexed at its newest version; ingestion runs on the bus. With
    /// <paramref name="confirmReceivedUploads"/> (deploy), a version whose bytes arrived through a signed link but
    /// was never confirmed is confirmed first, so it is queued too.
    /// </summary>
    public async Task<(SyncResult Result, int ConfirmedUploads)> QueueIngestionAsync(
        Guid projectId, bool confirmReceivedUploads, CancellationToken cancellationToken)
    {
        var documents = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == projectId && d.Status != DocumentStatus.Deleted), cancellationToken);
        var statusCounts = new Dictionary<string, int>();
        var queued = 0;
        var confirmed = new ConfirmedUploads();
        // Loaded a page at a time, each page in one round trip: one per document made deploying 1,000 documents take seconds.
        var loaded = new List<Document?>(documents.Count);
        foreach (var page in documents.Chunk(LoadPageSize))
            loaded.AddRange(await aggregates.LoadManyForUpdateAsync<Document>(page.Select(d => d.Id).ToList(), cancellationToken));
        foreach (var found in loaded)
        {
            var document = found ?? throw new NotFoundException("Document");
            if (confirmReceivedUploads)
                await ConfirmReceivedUploadAsync(document, confirmed, cancellationToken);
            if (document.NeedsIngestion)
            {
                aggregates.Append(document, document.QueueIngestion(clock.GetUtcNow()));
                queued++;
            }
            if (document.Status == DocumentStatus.PendingUpload)
                continue;
            var key = document.Status.ToString().ToLowerInvariant();
            statusCounts[key] = statusCounts.GetValueOrDefault(key) + 1;
        }

        var message = queued == 0
            ? "Nothing to ingest: every document is indexed, processing or waiting for its upload."
            : $"{queued} document(s) queued for ingestion. Answers use them once indexed, usually within a minute.";
        var result = new SyncResult(context.TenantId, projectId, statusCounts.Values.Sum(), queued, [.. statusCounts.Keys.Order()], statusCounts, message);
        return (result, confirmed.Count);
    }

    /// <summary>
    /// Confirms the version awaiting its upload when its bytes were received, within the plan's documents and storage:
    /// the uploads confirmed earlier in this pass are not in the read models yet, so they are added to the check.
    /// </summary>
    private async Task ConfirmReceivedUploadAsync(Document document, ConfirmedUploads confirmed, CancellationToken cancellationToken)
    {
        if (document.IsDeleted || document.CurrentVersion == document.UploadedVersion
            || await receipts.FindAsync(document.Id, document.CurrentVersion, cancellationToken) is not { } receipt)
        {
            return;
        }
        var isNew = document.UploadedVersion == 0;
        await plan.EnsureCanStoreAsync(confirmed.NewDocuments + (isNew ? 1 : 0), confirmed.Bytes + receipt.SizeBytes,
            isNew ? null : document.Id, cancellationToken);
        aggregates.Append(document, document.ConfirmUpload(receipt.SizeBytes, receipt.ContentHash, clock.GetUtcNow()));
        confirmed.Add(isNew, receipt.SizeBytes);
    }

    private sealed class ConfirmedUploads
    {
        public int Count { get; private set; }
        public int NewDocuments { get; private set; }
        public long Bytes { get; private set; }

        public void Add(bool isNew, long bytes)
        {
            Count++;
            NewDocuments += isNew ? 1 : 0;
            Bytes += bytes;
        }
    }
}
