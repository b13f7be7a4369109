using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Search;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Ingestion;

/// <summary>
/// The ingestion pipeline for one document version: extract → chunk → embed (batched) → index, then
/// drop the document's older versions from the index. Used by ingestion (<c>IngestDocumentHandler</c>) and the benchmark.
/// </summary>
public sealed class DocumentIndexer(
    ITextExtractor extractor,
    IChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
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
        EmbeddingSpace? space = null;
        foreach (var batch in chunks.Chunk(EmbeddingBatchSize))
        {
            var embeddings = await embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var vector = embeddings[i].Vector;
                space ??= new EmbeddingSpace(
                    embeddings[i].ModelId ?? embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown", vector.Length);
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
