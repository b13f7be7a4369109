using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;

namespace CleanRag.Infrastructure.Tests.Search;

public sealed class ExactVectorIndexTests : ScratchDirectoryTests
{
    private static readonly EmbeddingSpace Space = new("test-model", 3);

    [Test]
    public void A_log_of_mostly_replaced_vectors_is_compacted_and_reloads_to_the_latest_vectors()
    {
        var document = Guid.NewGuid();
        using (var index = new ExactVectorIndex(IndexDirectory))
        {
            for (var round = 0; round < 200; round++)
                index.Upsert(Space, Enumerable.Range(0, 10).Select(i => Entry($"c{i}", document, [round, i, 1])).ToList());
            index.Delete(["c9"]);
        }

        var logBytes = new FileInfo(Path.Combine(IndexDirectory, "vectors.log")).Length;
        logBytes.Should().BeLessThan(200 * 10 * 20, "superseded records were dropped by compaction");

        using var reopened = new ExactVectorIndex(IndexDirectory);
        reopened.Count.Should().Be(9);
        reopened.Space.Should().Be(Space);
        var best = reopened.Search([199, 3, 1], topK: 1, accept: null);
        best.Should().ContainSingle().Which.Should().Match<VectorMatch>(m => m.ChunkId == "c3" && m.Similarity > 0.9999f);
    }

    [Test]
    public void A_record_cut_short_by_a_crash_is_dropped_and_the_rest_reloads()
    {
        using (var index = new ExactVectorIndex(IndexDirectory))
            index.Upsert(Space, [Entry("a", Guid.NewGuid(), [1, 0, 0]), Entry("b", Guid.NewGuid(), [0, 1, 0])]);
        using (var log = new FileStream(Path.Combine(IndexDirectory, "vectors.log"), FileMode.Append))
            log.Write([1, 1, (byte)'c', 7, 7]); // an upsert of "c" whose document id and vector never made it

        using (var reopened = new ExactVectorIndex(IndexDirectory))
        {
            reopened.Count.Should().Be(2);
            reopened.Upsert(Space, [Entry("c", Guid.NewGuid(), [0, 0, 1])]);
        }

        using var again = new ExactVectorIndex(IndexDirectory);
        again.Search([0, 0, 1], topK: 3, accept: null).Select(m => m.ChunkId).Should().Equal("c", "a", "b");
    }

    [Test]
    public void Search_honours_the_document_filter_and_returns_at_most_topK()
    {
        var wanted = Guid.NewGuid();
        using var index = new ExactVectorIndex(IndexDirectory);
        index.Upsert(Space, [Entry("a", wanted, [1, 0, 0]), Entry("b", Guid.NewGuid(), [1, 0, 0]), Entry("c", wanted, [0.5f, 0.5f, 0])]);

        index.Search([1, 0, 0], topK: 5, accept: id => id == wanted).Select(m => m.ChunkId).Should().Equal("a", "c");
        index.Search([1, 0, 0], topK: 1, accept: null).Should().HaveCount(1);
    }

    private static VectorEntry Entry(string chunkId, Guid documentId, float[] vector) => new(chunkId, documentId, vector);
}
