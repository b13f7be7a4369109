using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Search;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Ingestion;

/// <summary>
/// The ingestion pipeline for one document version: extract → chunk → embed (batched) → index, then
/// drop the document's older versions from the index. Used by ingestion (<c>IngestDocumentHandler</c>) and the benchmark.
/// <para>
/// The chunks are embedded in the space the project's live index holds, which is not the configured model's while the
/// project is re-embedded (<c>ProjectReembedder</c> catches them up into the new space before it takes over). When the
/// process cannot run that model, the chunks are indexed for words only. Should the re-embedding take over between
/// the embedding and the write, the write is refused (another space) and the redelivery embeds them in the new one.
/// </para>
/// </summary>
public sealed class DocumentIndexer(
    ITextExtractor extractor,
    IChunker chunker,
    IEmbeddingModels models,
    ISearchIndex index) : IDocumentIndexer
{
    private const int EmbeddingBatchSize = 64;

    public async Task<IndexingOutcome> IndexAsync(
        ProjectScope scope, DocumentToIndex document, Stream content, IndexingSettings settings, CancellationToken cancellationToken)
    {
        var extracted = await extractor.ExtractAsync(content, document.FileName, document.ContentType, cancellationToken);
        var chunks = chunker.Chunk(extracted, new ChunkingOptions(settings.ChunkSize, settings.ChunkOverlap));
        if (chunks.Count == 0)
            throw new ExtractionFailedException("no_text", "The file contains no text to index.");

        var indexed = new List<IndexedChunk>(chunks.Count);
        var space = await index.GetEmbeddingSpaceAsync(scope, cancellationToken);
        var embedder = space is null ? models.Active : models.Find(space.ModelId);
        foreach (var batch in chunks.Chunk(EmbeddingBatchSize))
        {
            var embeddings = embedder is null ? null : await embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var vector = embeddings?[i].Vector ?? ReadOnlyMemory<float>.Empty;
                space ??= new EmbeddingSpace(
                    embeddings![i].ModelId ?? embedder!.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown", vector.Length);
                var chunk = batch[i];
                indexed.Add(new IndexedChunk($"{document.DocumentId:N}:{document.Version}:{chunk.Index}", document.DocumentId,
                    document.Version, document.FileName, chunk.Text, chunk.HeadingPath, chunk.PageStart, chunk.PageEnd,
                    chunk.CharStart, chunk.CharEnd, vector, chunk.PageBreaks));
            }
        }

        await index.UpsertAsync(scope, space!, indexed, cancellationToken);
        // The new version is searchable: the older versions' chunks leave the index.
        await index.DeleteDocumentAsync(scope, document.DocumentId, new VersionSelector(AllExcept: document.Version), cancellationToken);
        return new IndexingOutcome(indexed.Count, extracted.PageCount);
    }
}
