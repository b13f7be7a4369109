using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Documents;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Search;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;
using IEventStore = CleanRag.Application.Common.Interfaces.IEventStore;

namespace CleanRag.Infrastructure.Ingestion;

/// <summary>
/// Ingests one queued document version: extract → chunk → embed → index, then records the outcome as
/// an event. Runs on RabbitMQ; a crash or broker restart redelivers the message and the document's
/// state decides what is left to do, so every confirmed document ends indexed or failed, never stuck:
/// bad content fails at once with its reason, other errors are retried and fail on the last attempt.
/// </summary>
public sealed partial class DocumentIngestionConsumer(
    IEventStore eventStore,
    IBlobStore blobs,
    DocumentIndexer indexer,
    ISearchIndex index,
    RabbitMqOptions messaging,
    TimeProvider clock,
    ILogger<DocumentIngestionConsumer> logger) : IConsumer<DomainEventEnvelope<DocumentIngestionQueued>>
{
    public async Task Consume(ConsumeContext<DomainEventEnvelope<DocumentIngestionQueued>> context)
    {
        var queued = context.Message.Data;
        var store = eventStore.ForTenant(context.Message.TenantId);
        var cancellationToken = context.CancellationToken;

        var document = await store.LoadAsync<Document>(queued.DocumentId, cancellationToken);
        if (document is null || document.IsDeleted || document.IngestingVersion != queued.Version
            || document.Status is not (DocumentStatus.Queued or DocumentStatus.Processing))
        {
            return; // deleted, superseded by a newer queueing, or already finished (a redelivery)
        }

        if (document.Status == DocumentStatus.Queued)
        {
            await store.AppendAsync(document.Id, document.Version, [document.StartProcessing(queued.Version, clock.GetUtcNow())], cancellationToken);
            document = (await store.LoadAsync<Document>(queued.DocumentId, cancellationToken))!;
        }

        var scope = new ProjectScope(context.Message.TenantId, document.ProjectId);
        try
        {
            var (chunkCount, pageCount, reused) = document.ContentUnchangedSinceIndexed
                ? (document.IndexedChunkCount, document.IndexedPageCount, true)
                : await IndexAsync(store, scope, document, queued.Version, cancellationToken);
            await RecordAsync(store, scope, queued.DocumentId,
                d => d.MarkIndexed(queued.Version, chunkCount, pageCount, reused, clock.GetUtcNow()), cancellationToken);
        }
        catch (ExtractionFailedException failure)
        {
            await RecordAsync(store, scope, queued.DocumentId,
                d => d.MarkFailed(queued.Version, failure.Code, failure.Message, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
                                          && context.GetRetryAttempt() >= messaging.ConsumerRetryLimit)
        {
            LogGaveUp(exception, queued.DocumentId, queued.Version);
            await RecordAsync(store, scope, queued.DocumentId,
                d => d.MarkFailed(queued.Version, "ingestion_error", $"Ingestion failed after retries: {exception.Message}", clock.GetUtcNow()),
                cancellationToken);
        }
    }

    private async Task<(int ChunkCount, int? PageCount, bool Reused)> IndexAsync(
        IEventStore store, ProjectScope scope, Document document, int version, CancellationToken cancellationToken)
    {
        var project = await store.LoadAsync<Project>(document.ProjectId, cancellationToken);
        await using var content = blobs.Open(scope.TenantId, document.ContentHash!)
                                  ?? throw new ExtractionFailedException("blob_missing", "The stored file is missing; upload it again.");
        var outcome = await indexer.IndexAsync(scope, new DocumentToIndex(document.Id, version, document.FileName, document.ContentType),
            content, project?.Settings.Indexing ?? IndexingSettings.Default, cancellationToken);
        return (outcome.ChunkCount, outcome.PageCount, false);
    }

    /// <summary>Appends the outcome, unless the document was deleted meanwhile: then its chunks must not stay.</summary>
    private async Task RecordAsync(
        IEventStore store, ProjectScope scope, Guid documentId, Func<Document, Domain.Common.IDomainEvent> decide, CancellationToken cancellationToken)
    {
        var latest = await store.LoadAsync<Document>(documentId, cancellationToken);
        if (latest is null || latest.IsDeleted)
        {
            await index.DeleteDocumentAsync(scope, documentId, VersionSelector.All, cancellationToken);
            return;
        }
        await store.AppendAsync(latest.Id, latest.Version, [decide(latest)], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of document {DocumentId} version {Version} failed after all retries")]
    private partial void LogGaveUp(Exception exception, Guid documentId, int version);
}
