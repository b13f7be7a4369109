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
/// Ingests one queued document version: extract → chunk → embed → index, then records the outcome as an event. A crash
/// or a broker restart redelivers the message and the document's state decides what is left to do, so every confirmed
/// document ends indexed or failed, never stuck: bad content fails at once with its reason, other errors are retried and
/// recorded as a failure on the final attempt.
/// </summary>
/// <remarks>
/// The search index cannot join the commit, so it is written first and the outcome recorded after: indexing the same
/// version again overwrites the same chunks, so a retry or a redelivery after a crash between the two is harmless. A
/// document deleted while it was being indexed makes the final commit conflict; the retry finds it deleted and takes its
/// chunks out of the index again.
/// </remarks>
public sealed partial class IngestDocumentHandler(
    IAggregateStore aggregates,
    IUnitOfWork unitOfWork,
    IReadStore reads,
    IBlobStore blobs,
    IDocumentIndexer indexer,
    ISearchIndex index,
    TimeProvider clock,
    ILogger<IngestDocumentHandler> logger) : IDomainEventHandler<DocumentIngestionQueued>
{
    public async Task HandleAsync(DomainEvent<DocumentIngestionQueued> notice, CancellationToken cancellationToken)
    {
        var queued = notice.Data;
        var scope = new ProjectScope(notice.TenantId, queued.ProjectId);

        var document = await aggregates.LoadForUpdateAsync<Document>(queued.DocumentId, cancellationToken);
        if (document is { IsDeleted: true })
        {
            await RemoveChunksAsync(scope, queued.DocumentId, cancellationToken);
            return;
        }
        if (document is null || document.IngestingVersion != queued.Version
            || document.Status is not (DocumentStatus.Queued or DocumentStatus.Processing))
        {
            return; // superseded by a newer queueing, or already finished (a redelivery)
        }

        if (document.Status == DocumentStatus.Queued)
        {
            aggregates.Append(document, document.StartProcessing(queued.Version, clock.GetUtcNow()));
            // Committed at once so the document shows as processing while it is indexed, which can take a while.
            await unitOfWork.CommitAsync(cancellationToken);
            document = (await aggregates.LoadForUpdateAsync<Document>(queued.DocumentId, cancellationToken))!;
            if (document.IsDeleted)
            {
                await RemoveChunksAsync(scope, queued.DocumentId, cancellationToken);
                return;
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var (chunkCount, pageCount, reused) = document.ContentUnchangedSinceIndexed
                ? (document.IndexedChunkCount, document.IndexedPageCount, true)
                : await IndexAsync(scope, document, queued.Version, cancellationToken);
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

    private async Task<(int ChunkCount, int? PageCount, bool Reused)> IndexAsync(
        ProjectScope scope, Document document, int version, CancellationToken cancellationToken)
    {
        var project = await reads.LoadAsync<ProjectDetails>(document.ProjectId, cancellationToken);
        await using var content = blobs.Open(scope.TenantId, document.ContentHash!)
                                  ?? throw new ExtractionFailedException("blob_missing", "The stored file is missing; upload it again.");
        var outcome = await indexer.IndexAsync(scope, new DocumentToIndex(document.Id, version, document.FileName, document.ContentType),
            content, project?.Settings.Indexing ?? Domain.Projects.IndexingSettings.Default, cancellationToken);
        return (outcome.ChunkCount, outcome.PageCount, false);
    }

    /// <summary>
    /// A deleted document, possibly deleted while an earlier attempt was indexing it: none of its chunks may stay (a no-op
    /// when none are left, so repeating it is harmless).
    /// </summary>
    private Task RemoveChunksAsync(ProjectScope scope, Guid documentId, CancellationToken cancellationToken) =>
        index.DeleteDocumentAsync(scope, documentId, VersionSelector.All, cancellationToken);

    /// <summary>Stages the outcome; it commits only if the document is still at the version loaded (not deleted meanwhile).</summary>
    private void Record(Document document, IDomainEvent outcome) => aggregates.Append(document, outcome);

    private static void RecordDuration(long started, string outcome) =>
        CleanRagMetrics.IngestionDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of document {DocumentId} version {Version} failed after all retries")]
    private partial void LogGaveUp(Exception exception, Guid documentId, int version);
}
