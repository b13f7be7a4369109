using System.Diagnostics;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Common.Telemetry;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Projects;
using CleanRag.Application.Search;
using CleanRag.Domain.Common;
using CleanRag.Domain.Documents;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Documents.IngestDocument;

/// <summary>
/// Ingests queued document versions: extract → chunk → embed → index, then records each outcome as an event. A crash
/// or a broker restart redelivers the messages and each document's state decides what is left to do, so every confirmed
/// document ends indexed or failed, never stuck: bad content fails at once with its reason, other errors are retried and
/// recorded as a failure on the final attempt.
/// </summary>
/// <remarks>
/// The search index cannot join the commit, so it is written first and the outcome recorded after: indexing the same
/// version again overwrites the same chunks, so a retry or a redelivery after a crash between the two is harmless. A
/// document deleted while it was being indexed makes the final commit conflict; the retry finds it deleted and takes its
/// chunks out of the index again. The documents of a batch are loaded in one round trip, marked processing in one commit
/// and their outcomes committed in one more (with the consumer's markers): per document, that was three round trips and
/// two transactions more, most of the cost of a small document (issue 20). A document whose indexing throws fails the
/// batch, and the consumer then ingests each of its documents on its own, so only that one is retried.
/// </remarks>
public sealed partial class IngestDocumentHandler(
    IAggregateStore aggregates,
    IUnitOfWork unitOfWork,
    IReadStore reads,
    IBlobStore blobs,
    IDocumentIndexer indexer,
    ISearchIndex index,
    TimeProvider clock,
    ILogger<IngestDocumentHandler> logger) : IDomainEventBatchHandler<DocumentIngestionQueued>
{
    public Task HandleAsync(DomainEvent<DocumentIngestionQueued> notice, CancellationToken cancellationToken) =>
        HandleAsync([notice], cancellationToken);

    public async Task HandleAsync(IReadOnlyList<DomainEvent<DocumentIngestionQueued>> notices, CancellationToken cancellationToken)
    {
        var documentIds = notices.Select(n => n.Data.DocumentId).Distinct().ToList();
        var documents = await aggregates.LoadManyForUpdateAsync<Document>(documentIds, cancellationToken);
        var toIngest = new List<(Document Document, DomainEvent<DocumentIngestionQueued> Notice)>();
        var startedProcessing = false;
        foreach (var document in documents)
        {
            if (document is { IsDeleted: true })
            {
                await RemoveChunksAsync(notices.First(n => n.Data.DocumentId == document.Id), cancellationToken);
                continue;
            }
            // Superseded by a newer queueing, or already finished (a redelivery): nothing to do.
            if (document is null || document.Status is not (DocumentStatus.Queued or DocumentStatus.Processing)
                || notices.FirstOrDefault(n => n.Data.DocumentId == document.Id && n.Data.Version == document.IngestingVersion) is not { } notice)
            {
                continue;
            }
            if (document.Status == DocumentStatus.Queued)
            {
                aggregates.Append(document, document.StartProcessing(notice.Data.Version, clock.GetUtcNow()));
                startedProcessing = true;
            }
            toIngest.Add((document, notice));
        }
        if (toIngest.Count == 0)
            return;

        if (startedProcessing)
        {
            // Committed at once so the documents show as processing while they are indexed, which can take a while.
            await unitOfWork.CommitAsync(cancellationToken);
            var reloaded = await aggregates.LoadManyForUpdateAsync<Document>(toIngest.Select(d => d.Document.Id).ToList(), cancellationToken);
            var stillThere = new List<(Document, DomainEvent<DocumentIngestionQueued>)>();
            foreach (var (document, (_, notice)) in reloaded.Zip(toIngest))
            {
                if (document is { IsDeleted: false })
                    stillThere.Add((document, notice));
                else
                    await RemoveChunksAsync(notice, cancellationToken);
            }
            toIngest = stillThere;
        }

        var settings = new Dictionary<Guid, Domain.Projects.IndexingSettings>();
        foreach (var (document, notice) in toIngest)
            await IngestAsync(document, notice, settings, cancellationToken);
    }

    private async Task IngestAsync(Document document, DomainEvent<DocumentIngestionQueued> notice,
        Dictionary<Guid, Domain.Projects.IndexingSettings> settings, CancellationToken cancellationToken)
    {
        var queued = notice.Data;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (chunkCount, pageCount, reused) = document.ContentUnchangedSinceIndexed
                ? (document.IndexedChunkCount, document.IndexedPageCount, true)
                : await IndexAsync(new ProjectScope(notice.TenantId, queued.ProjectId), document, queued.Version, settings, cancellationToken);
            Record(document, document.MarkIndexed(queued.Version, chunkCount, pageCount, reused, clock.GetUtcNow()));
            RecordDuration(started, "indexed");
        }
        catch (ExtractionFailedException failure)
        {
            Record(document, document.MarkFailed(queued.Version, failure.Code, failure.Message, clock.GetUtcNow()));
            RecordDuration(started, "failed");
        }
        catch (Exception exception) when (exception is not OperationCanceledException && notice.IsFinalAttempt)
        {
            LogGaveUp(exception, queued.DocumentId, queued.Version);
            Record(document, document.MarkFailed(
                queued.Version, "ingestion_error", $"Ingestion failed after retries: {exception.Message}", clock.GetUtcNow()));
            RecordDuration(started, "failed");
        }
    }

    private async Task<(int ChunkCount, int? PageCount, bool Reused)> IndexAsync(ProjectScope scope, Document document, int version,
        Dictionary<Guid, Domain.Projects.IndexingSettings> settings, CancellationToken cancellationToken)
    {
        if (!settings.TryGetValue(document.ProjectId, out var indexing))
        {
            var project = await reads.LoadAsync<ProjectDetails>(document.ProjectId, cancellationToken);
            settings[document.ProjectId] = indexing = project?.Settings.Indexing ?? Domain.Projects.IndexingSettings.Default;
        }
        await using var content = blobs.Open(scope.TenantId, document.ContentHash!)
                                  ?? throw new ExtractionFailedException("blob_missing", "The stored file is missing; upload it again.");
        var outcome = await indexer.IndexAsync(scope, new DocumentToIndex(document.Id, version, document.FileName, document.ContentType),
            content, indexing, cancellationToken);
        return (outcome.ChunkCount, outcome.PageCount, false);
    }

    /// <summary>
    /// A deleted document, possibly deleted while an earlier attempt was indexing it: none of its chunks may stay (a no-op
    /// when none are left, so repeating it is harmless).
    /// </summary>
    private Task RemoveChunksAsync(DomainEvent<DocumentIngestionQueued> notice, CancellationToken cancellationToken) =>
        index.DeleteDocumentAsync(new ProjectScope(notice.TenantId, notice.Data.ProjectId), notice.Data.DocumentId, VersionSelector.All, cancellationToken);

    /// <summary>Stages the outcome; it commits only if the document is still at the version loaded (not deleted meanwhile).</summary>
    private void Record(Document document, IDomainEvent outcome) => aggregates.Append(document, outcome);

    private static void RecordDuration(long started, string outcome) =>
        CleanRagMetrics.IngestionDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of document {DocumentId} version {Version} failed after all retries")]
    private partial void LogGaveUp(Exception exception, Guid documentId, int version);
}
