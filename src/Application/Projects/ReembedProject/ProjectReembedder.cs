using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Search;
using CleanRag.Domain.Common;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Projects.ReembedProject;

/// <summary>
/// Moves one project's index into the active embedding model's space when it holds vectors of another: the live chunks
/// are read page by page, embedded by the active model in small batches into a staged generation of the index, and the
/// staged generation replaces the live one in one step. Searches and ingestion keep using the live index (and its
/// model) meanwhile. Documents indexed or deleted during the copy are caught up by passes that embed only what the
/// staged generation lacks, until a promotion finds both holding the same chunks. A restart resumes from the staged
/// generation: chunks already in it are not embedded again.
/// </summary>
public sealed partial class ProjectReembedder(
    IEmbeddingModels models,
    ISearchIndex index,
    IEventStore events,
    ReembeddingProgress progress,
    TimeProvider clock,
    ILogger<ProjectReembedder> logger)
{
    private const int PageSize = 256;
    /// <summary>Chunks per call to the model, and per staged write: progress moves at this step.</summary>
    private const int EmbeddingBatchSize = 32;
    private const int MaxFailureReasonLength = 500;
    private const int MaxAppendAttempts = 3;

    /// <summary>Re-embeds the project if its index is in another space than the active model's; false when there was nothing to do.</summary>
    public async Task<bool> ReembedAsync(ProjectScope scope, CancellationToken cancellationToken)
    {
        // Called once per project at start-up (the sweep): first, what a kill during an earlier promotion left behind.
        await index.RecoverAsync(scope, cancellationToken);
        var live = await index.GetEmbeddingSpaceAsync(scope, cancellationToken);
        var target = models.ActiveModelId;
        if (live is null)
            return false;
        if (live.ModelId == target)
        {
            await RecordPromotionCutShortAsync(scope, target, cancellationToken);
            return false;
        }
        var project = await events.LoadAsync<Project>(scope.ProjectId, cancellationToken);
        // An archived project answers no chat and takes no upload: its index may stay as it is.
        if (project is null || project.Status == ProjectStatus.Archived)
            return false;

        var total = (await index.ReadChunksAsync(scope, afterChunkId: null, pageSize: 1, cancellationToken)).Total;
        progress.Report(scope.ProjectId, live.ModelId, target, 0, total);
        await RecordAsync(scope.ProjectId, p => p.StartReembedding(live.ModelId, target, total, clock.GetUtcNow()), cancellationToken);
        LogStarted(scope.ProjectId, live.ModelId, target, total);
        try
        {
            var staged = await index.GetStagedAsync(scope, cancellationToken);
            if (staged?.Space is { } stagedSpace && stagedSpace.ModelId != target)
            {
                // Left by an earlier switch to yet another model.
                await index.DiscardStagedAsync(scope, cancellationToken);
                staged = null;
            }
            var stagedIds = new HashSet<string>(staged?.ChunkIds ?? new HashSet<string>(), StringComparer.Ordinal);
            do
            {
                total = await CatchUpAsync(scope, live.ModelId, target, stagedIds, cancellationToken);
            }
            while (!await index.PromoteStagedAsync(scope, cancellationToken));

            await RecordAsync(scope.ProjectId, p => p.CompleteReembedding(target, total, clock.GetUtcNow()), cancellationToken);
            progress.Complete(scope.ProjectId, live.ModelId, target, total);
            LogCompleted(scope.ProjectId, target, total);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The live index is untouched: chat keeps answering from the old space.
            var reason = exception.Message.Length > MaxFailureReasonLength ? exception.Message[..MaxFailureReasonLength] : exception.Message;
            LogFailed(exception, scope.ProjectId, target);
            progress.Fail(scope.ProjectId, reason);
            await RecordAsync(scope.ProjectId, p => p.FailReembedding(target, reason, clock.GetUtcNow()), CancellationToken.None);
        }
        return true;
    }

    /// <summary>
    /// A kill between the promotion and its record leaves the history with a start and no end although the project already
    /// answers from the new space: the end is recorded at the next start.
    /// </summary>
    private async Task RecordPromotionCutShortAsync(ProjectScope scope, string target, CancellationToken cancellationToken)
    {
        if ((await events.LoadAsync<Project>(scope.ProjectId, cancellationToken))?.ReembeddingTo != target)
            return;
        var total = (await index.ReadChunksAsync(scope, afterChunkId: null, pageSize: 1, cancellationToken)).Total;
        await RecordAsync(scope.ProjectId, p => p.ReembeddingTo == target ? p.CompleteReembedding(target, total, clock.GetUtcNow()) : null,
            cancellationToken);
        LogCompleted(scope.ProjectId, target, total);
    }

    /// <summary>
    /// One pass over the live chunks: embeds those the staged generation lacks and drops from it those the live index
    /// no longer holds. Returns the number of live chunks.
    /// </summary>
    private async Task<int> CatchUpAsync(
        ProjectScope scope, string fromModel, string target, HashSet<string> stagedIds, CancellationToken cancellationToken)
    {
        var liveIds = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        var total = 0;
        do
        {
            var page = await index.ReadChunksAsync(scope, after, PageSize, cancellationToken);
            total = page.Total;
            liveIds.UnionWith(page.Chunks.Select(c => c.ChunkId));
            foreach (var batch in page.Chunks.Where(c => !stagedIds.Contains(c.ChunkId)).Chunk(EmbeddingBatchSize))
            {
                var (space, embedded) = await EmbedAsync(batch, cancellationToken);
                await index.UpsertStagedAsync(scope, space, embedded, cancellationToken);
                stagedIds.UnionWith(batch.Select(c => c.ChunkId));
                progress.Report(scope.ProjectId, fromModel, target, Math.Min(stagedIds.Count, total), total);
            }
            after = page.Next;
        }
        while (after is not null);

        var gone = stagedIds.Where(id => !liveIds.Contains(id)).ToList();
        if (gone.Count > 0)
        {
            await index.DeleteStagedAsync(scope, gone, cancellationToken);
            stagedIds.ExceptWith(gone);
        }
        progress.Report(scope.ProjectId, fromModel, target, stagedIds.Count, total);
        return total;
    }

    private async Task<(EmbeddingSpace Space, IReadOnlyList<IndexedChunk> Chunks)> EmbedAsync(
        IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        var embedder = models.Active;
        // Passages, as at ingestion: embedded without options.
        var embeddings = await embedder.GenerateAsync(chunks.Select(c => c.Text), cancellationToken: cancellationToken);
        var space = new EmbeddingSpace(
            embeddings[0].ModelId ?? embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? models.ActiveModelId,
            embeddings[0].Vector.Length);
        return (space, chunks.Select((chunk, i) => chunk with { Vector = embeddings[i].Vector }).ToList());
    }

    /// <summary>Appends what the project decides, deciding again on the newer state when an admin's change got in between.</summary>
    private async Task RecordAsync(Guid projectId, Func<Project, IDomainEvent?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await events.LoadAsync<Project>(projectId, cancellationToken) is not { } project || decide(project) is not { } decided)
                return;
            try
            {
                await events.AppendAsync(project.Id, project.Version, [decided], cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAppendAttempts)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Re-embedding project {ProjectId}: {ChunkCount} chunk(s) from {FromModel} to {ToModel}; the old space answers until it completes")]
    private partial void LogStarted(Guid projectId, string fromModel, string toModel, int chunkCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} re-embedded: {ChunkCount} chunk(s) now answer from {ToModel}")]
    private partial void LogCompleted(Guid projectId, string toModel, int chunkCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-embedding project {ProjectId} into {ToModel} failed; its old space keeps answering")]
    private partial void LogFailed(Exception exception, Guid projectId, string toModel);
}
