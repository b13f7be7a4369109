using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;

namespace CleanRag.Infrastructure.Tests.Search;

public sealed class HnswVectorIndexTests : ScratchDirectoryTests
{
    private static readonly Guid[] Documents = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();

    [Test]
    public void Recall_at_10_against_the_exact_scan_is_at_least_0_95_on_clustered_vectors()
    {
        var vectors = new ClusteredVectors(seed: 1);
        var entries = vectors.Entries(0, 4_000, Documents);
        using var exact = new ExactVectorIndex(IndexDirectory);
        using var graph = new HnswVectorIndex(IndexDirectory, ClusteredVectors.Space);
        exact.Upsert(ClusteredVectors.Space, entries);
        graph.Upsert(ClusteredVectors.Space, entries);

        var queries = Enumerable.Range(0, 200).Select(_ => vectors.Next()).ToList();
        var recall = ClusteredVectors.Recall(queries.Select(q => (exact.Search(q, 10, null), graph.Search(q, 10, null))));

        recall.Should().BeGreaterThanOrEqualTo(0.95);
        graph.Search(queries[0], 10, null).Should().HaveCount(10).And.BeInDescendingOrder(m => m.Similarity);
    }

    [Test]
    public void An_upsert_replaces_the_chunks_vector_and_a_delete_removes_it()
    {
        var vectors = new ClusteredVectors(seed: 2);
        using var graph = new HnswVectorIndex(IndexDirectory, ClusteredVectors.Space);
        graph.Upsert(ClusteredVectors.Space, vectors.Entries(0, 500, Documents));
        var moved = vectors.Next();

        graph.Upsert(ClusteredVectors.Space, [new VectorEntry("chunk-7", Documents[0], moved)]);

        graph.Count.Should().Be(500);
        var best = graph.Search(moved, 1, null).Single();
        best.ChunkId.Should().Be("chunk-7");
        best.Similarity.Should().BeApproximately(1f, 1e-4f);

        graph.Delete(["chunk-7", "no-such-chunk"]);

        graph.Count.Should().Be(499);
        graph.Search(moved, 10, null).Select(m => m.ChunkId).Should().NotContain("chunk-7");
    }

    [Test]
    public void A_scoped_search_returns_only_chunks_of_accepted_documents()
    {
        var vectors = new ClusteredVectors(seed: 3);
        using var graph = new HnswVectorIndex(IndexDirectory, ClusteredVectors.Space);
        var entries = vectors.Entries(0, 1_000, Documents);
        graph.Upsert(ClusteredVectors.Space, entries);
        var accepted = Documents.Take(5).ToHashSet();

        var matches = graph.Search(vectors.Next(), 10, accepted.Contains);

        matches.Should().NotBeEmpty();
        var documentOf = entries.ToDictionary(e => e.ChunkId, e => e.DocumentId);
        matches.Should().OnlyContain(m => accepted.Contains(documentOf[m.ChunkId]));
    }

    [Test]
    public void A_saved_graph_loads_with_the_same_answers()
    {
        var vectors = new ClusteredVectors(seed: 4);
        var queries = Enumerable.Range(0, 20).Select(_ => vectors.Next()).ToList();
        List<IReadOnlyList<VectorMatch>> before;
        using (var graph = new HnswVectorIndex(IndexDirectory, ClusteredVectors.Space))
        {
            graph.Upsert(ClusteredVectors.Space, vectors.Entries(0, 1_000, Documents));
            graph.Delete(["chunk-3"]);
            graph.Sync();
            before = queries.Select(q => graph.Search(q, 10, null)).ToList();
        }

        using var loaded = HnswVectorIndex.Load(IndexDirectory, ClusteredVectors.Space);

        loaded.Should().NotBeNull();
        loaded!.Count.Should().Be(999);
        queries.Select(q => loaded.Search(q, 10, null)).Should().BeEquivalentTo(before, options => options.WithStrictOrdering());
        Directory.EnumerateFiles(IndexDirectory, "hnsw-*.usearch").Should().ContainSingle("an earlier save's graph file is deleted");
    }

    [Test]
    public void A_graph_that_is_corrupt_or_of_another_space_does_not_load()
    {
        var vectors = new ClusteredVectors(seed: 5);
        using (var graph = new HnswVectorIndex(IndexDirectory, ClusteredVectors.Space))
        {
            graph.Upsert(ClusteredVectors.Space, vectors.Entries(0, 100, Documents));
            graph.Sync();
        }

        using (var otherModel = HnswVectorIndex.Load(IndexDirectory, new EmbeddingSpace("another-model", ClusteredVectors.Dimensions)))
            otherModel.Should().BeNull();

        File.WriteAllBytes(Directory.EnumerateFiles(IndexDirectory, "hnsw-*.usearch").Single(), new byte[4096]);
        using var corrupt = HnswVectorIndex.Load(IndexDirectory, ClusteredVectors.Space);
        corrupt.Should().BeNull();
    }
}
