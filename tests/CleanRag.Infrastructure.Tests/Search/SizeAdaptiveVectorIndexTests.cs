using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanRag.Infrastructure.Tests.Search;

public sealed class SizeAdaptiveVectorIndexTests : ScratchDirectoryTests
{
    private const int Threshold = 2_000;
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);
    private static readonly Guid[] Documents = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
    private static readonly EmbeddingSpace Space = ClusteredVectors.Space;

    [Test]
    public void The_exact_scan_answers_up_to_the_threshold_and_the_graph_once_it_is_passed()
    {
        var vectors = new ClusteredVectors(seed: 10);
        using var index = Open();

        index.Upsert(Space, vectors.Entries(0, Threshold, Documents));

        index.GraphBuildTask.IsCompleted.Should().BeTrue("no graph is built at the threshold");
        index.AnswersFromGraph.Should().BeFalse();
        Directory.EnumerateFiles(IndexDirectory, "hnsw*").Should().BeEmpty();

        index.Upsert(Space, vectors.Entries(Threshold, 1, Documents));
        WaitForGraph(index);

        index.AnswersFromGraph.Should().BeTrue();
        index.GraphRepairs.Should().Be(Threshold + 1, "a first build adds every vector");
        RecallAgainstExact(index, vectors).Should().BeGreaterThanOrEqualTo(0.95);
        // The answers are the graph's (its distances differ from the scan's in the last bits), and it was saved when complete.
        using var saved = HnswVectorIndex.Load(IndexDirectory, Space);
        saved.Should().NotBeNull();
        var probes = Enumerable.Range(0, 20).Select(_ => vectors.Next()).ToList();
        probes.Select(q => index.Search(q, 10, null))
            .Should().BeEquivalentTo(probes.Select(q => saved!.Search(q, 10, null)), options => options.WithStrictOrdering());
    }

    [Test]
    public void Upserts_and_deletes_during_and_after_the_build_are_reflected()
    {
        var vectors = new ClusteredVectors(seed: 11);
        using var index = Open();
        var entries = vectors.Entries(0, Threshold + 500, Documents);
        index.Upsert(Space, entries);
        // Whether the build has finished yet or not, these must be in the graph that answers.
        var movedDuringBuild = vectors.Next();
        index.Upsert(Space, [new VectorEntry("chunk-1", Documents[1], movedDuringBuild)]);
        index.Delete(["chunk-2"]);
        WaitForGraph(index);
        var movedAfterBuild = vectors.Next();
        var added = new VectorEntry("chunk-added", Documents[0], vectors.Next());
        index.Upsert(Space, [new VectorEntry("chunk-3", Documents[3], movedAfterBuild), added]);
        index.Delete(["chunk-4"]);

        index.AnswersFromGraph.Should().BeTrue();
        index.Count.Should().Be(Threshold + 500 - 2 + 1);
        index.Search(movedDuringBuild, 1, null).Single().ChunkId.Should().Be("chunk-1");
        index.Search(movedAfterBuild, 1, null).Single().ChunkId.Should().Be("chunk-3");
        index.Search(added.Vector.Span, 1, null).Single().ChunkId.Should().Be("chunk-added");
        index.Search(entries[2].Vector.Span, 10, null).Select(m => m.ChunkId).Should().NotContain("chunk-2");
        index.Search(entries[4].Vector.Span, 10, null).Select(m => m.ChunkId).Should().NotContain("chunk-4");
    }

    [Test]
    public void A_saved_graph_is_reloaded_at_the_next_open_without_a_rebuild_and_answers_alike()
    {
        var vectors = new ClusteredVectors(seed: 12);
        var queries = Enumerable.Range(0, 20).Select(_ => vectors.Next()).ToList();
        List<IReadOnlyList<VectorMatch>> before;
        using (var index = Open())
        {
            index.Upsert(Space, vectors.Entries(0, Threshold + 300, Documents));
            WaitForGraph(index);
            index.Delete(["chunk-5"]); // changed after the build's save: saved again at close
            before = queries.Select(q => index.Search(q, 10, null)).ToList();
        }

        using var reopened = Open();
        WaitForGraph(reopened);

        reopened.AnswersFromGraph.Should().BeTrue();
        reopened.GraphRepairs.Should().Be(0);
        queries.Select(q => reopened.Search(q, 10, null)).Should().BeEquivalentTo(before, options => options.WithStrictOrdering());
    }

    [Test]
    public void A_corrupt_graph_file_is_rebuilt()
    {
        var vectors = new ClusteredVectors(seed: 13);
        using (var index = Open())
        {
            index.Upsert(Space, vectors.Entries(0, Threshold + 300, Documents));
            WaitForGraph(index);
        }
        File.WriteAllBytes(Directory.EnumerateFiles(IndexDirectory, "hnsw-*.usearch").Single(), new byte[4096]);

        using var reopened = Open();
        WaitForGraph(reopened);

        reopened.AnswersFromGraph.Should().BeTrue();
        reopened.GraphRepairs.Should().Be(Threshold + 300);
        RecallAgainstExact(reopened, vectors).Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Test]
    public void A_graph_behind_the_vector_log_is_repaired_to_match_it()
    {
        var vectors = new ClusteredVectors(seed: 14);
        var entries = vectors.Entries(0, Threshold + 300, Documents);
        using (var index = Open())
        {
            index.Upsert(Space, entries);
            WaitForGraph(index);
        }
        // Written to the log alone, as by a process that died before saving its graph.
        var moved = vectors.Next();
        var added = new VectorEntry("chunk-added", Documents[0], vectors.Next());
        using (var log = new ExactVectorIndex(IndexDirectory))
        {
            log.Upsert(Space, [new VectorEntry("chunk-6", Documents[6], moved), added]);
            log.Delete(["chunk-7", "chunk-8"]);
        }

        using var reopened = Open();
        WaitForGraph(reopened);

        reopened.GraphRepairs.Should().Be(4);
        reopened.AnswersFromGraph.Should().BeTrue();
        reopened.Search(moved, 1, null).Single().ChunkId.Should().Be("chunk-6");
        reopened.Search(added.Vector.Span, 1, null).Single().ChunkId.Should().Be("chunk-added");
        reopened.Search(entries[7].Vector.Span, 10, null).Select(m => m.ChunkId).Should().NotContain("chunk-7");
        reopened.Search(entries[8].Vector.Span, 10, null).Select(m => m.ChunkId).Should().NotContain("chunk-8");
    }

    [Test]
    public void A_scoped_query_returns_only_accepted_documents_with_the_exact_answer_for_a_narrow_scope()
    {
        var vectors = new ClusteredVectors(seed: 15);
        using var index = Open();
        using var exact = new ExactVectorIndex(Path.Combine(IndexDirectory, "reference"));
        var entries = vectors.Entries(0, Threshold + 500, Documents);
        index.Upsert(Space, entries);
        exact.Upsert(Space, entries);
        WaitForGraph(index);
        var documentOf = entries.ToDictionary(e => e.ChunkId, e => e.DocumentId);
        var narrow = new HashSet<Guid> { Documents[0] }; // 63 chunks: too few pass an over-fetch from the graph
        var wide = Documents.Take(20).ToHashSet();
        var queries = Enumerable.Range(0, 50).Select(_ => vectors.Next()).ToList();

        foreach (var query in queries)
        {
            index.Search(query, 100, narrow.Contains).Should().Equal(exact.Search(query, 100, narrow.Contains));
            index.Search(query, 10, wide.Contains).Should().HaveCount(10).And.OnlyContain(m => wide.Contains(documentOf[m.ChunkId]));
        }
        ClusteredVectors.Recall(queries.Select(q => (exact.Search(q, 10, wide.Contains), index.Search(q, 10, wide.Contains))))
            .Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Test]
    public void Emptying_the_project_discards_its_graph()
    {
        var vectors = new ClusteredVectors(seed: 16);
        using var index = Open();
        var entries = vectors.Entries(0, Threshold + 100, Documents);
        index.Upsert(Space, entries);
        WaitForGraph(index);

        index.Delete(entries.Select(e => e.ChunkId));

        index.AnswersFromGraph.Should().BeFalse();
        index.Space.Should().BeNull("another model may be used next");
        Directory.EnumerateFiles(IndexDirectory, "hnsw*").Should().BeEmpty();
    }

    [Test]
    public void An_abandoned_index_does_not_save_its_changed_graph_since_its_files_are_about_to_go()
    {
        var vectors = new ClusteredVectors(seed: 17);
        var index = Open();
        index.Upsert(Space, vectors.Entries(0, Threshold + 100, Documents));
        WaitForGraph(index);
        var saved = GraphFiles();
        index.Upsert(Space, vectors.Entries(Threshold + 100, 200, Documents));

        index.Abandon();

        GraphFiles().Should().BeEquivalentTo(saved, "the graph as the build saved it, not with the later upserts");
    }

    private Dictionary<string, string> GraphFiles() => Directory.EnumerateFiles(IndexDirectory, "hnsw*")
        .ToDictionary(file => Path.GetFileName(file), file => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));

    private SizeAdaptiveVectorIndex Open() => new(IndexDirectory, Threshold, NullLogger.Instance);

    private static void WaitForGraph(SizeAdaptiveVectorIndex index) =>
        index.GraphBuildTask.Wait(BuildTimeout).Should().BeTrue("the graph of a few thousand vectors builds in seconds");

    private double RecallAgainstExact(SizeAdaptiveVectorIndex index, ClusteredVectors vectors)
    {
        using var exact = new ExactVectorIndex(IndexDirectory); // the same log, read by a second instance
        var queries = Enumerable.Range(0, 100).Select(_ => vectors.Next()).ToList();
        return ClusteredVectors.Recall(queries.Select(q => (exact.Search(q, 10, null), index.Search(q, 10, null))));
    }
}
