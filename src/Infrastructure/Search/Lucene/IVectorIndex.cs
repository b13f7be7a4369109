using CleanRag.Application.Search;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// The vector side of one project's index: nearest chunks by cosine similarity. Kept behind this
/// interface so the exact scan can be replaced by an approximate (HNSW) index when projects grow.
/// Implementations need not be thread-safe; the owning project index serialises writers against readers.
/// </summary>
internal interface IVectorIndex : IDisposable
{
    /// <summary>The embedding space of the stored vectors, or null while it holds none.</summary>
    EmbeddingSpace? Space { get; }

    int Count { get; }

    /// <summary>
    /// Adds or replaces vectors by chunk id. Throws <see cref="EmbeddingSpaceMismatchException"/> when
    /// the index already holds vectors of another space.
    /// </summary>
    void Upsert(EmbeddingSpace space, IReadOnlyList<VectorEntry> entries);

    void Delete(IEnumerable<string> chunkIds);

    /// <summary>Makes every upsert and delete so far durable (on disk, not only handed to the operating system).</summary>
    void Sync();

    /// <summary>Up to <paramref name="topK"/> chunks, most similar first; <paramref name="accept"/> filters by document.</summary>
    IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int topK, Func<Guid, bool>? accept);
}

internal readonly record struct VectorEntry(string ChunkId, Guid DocumentId, ReadOnlyMemory<float> Vector);

internal readonly record struct VectorMatch(string ChunkId, float Similarity);
