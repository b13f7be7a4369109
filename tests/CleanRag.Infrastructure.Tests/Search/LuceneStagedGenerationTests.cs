using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;

namespace CleanRag.Infrastructure.Tests.Search;

/// <summary>Re-embedding's side of the embedded engine: reading the live chunks, a staged generation, its promotion.</summary>
public sealed class LuceneStagedGenerationTests
{
    private static readonly EmbeddingSpace OldSpace = new("old-model", 4);
    private static readonly EmbeddingSpace NewSpace = new("new-model", 2);

    private readonly ProjectScope _project = new(Guid.NewGuid(), Guid.NewGuid());
    private string _dataDirectory = null!;
    private LuceneSearchIndex _index = null!;

    [SetUp]
    public void CreateIndex()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-search-tests", Guid.NewGuid().ToString("N"));
        _index = new LuceneSearchIndex(_dataDirectory);
    }

    [TearDown]
    public void DeleteIndex()
    {
        _index.Dispose();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    [Test]
    public async Task The_live_chunks_are_read_page_by_page_in_chunk_id_order_with_their_texts_and_metadata()
    {
        var document = Guid.NewGuid();
        await _index.UpsertAsync(_project, OldSpace,
            [.. new[] { "c3", "c1", "c5", "c2", "c4" }.Select(id => Chunk(id, $"text of {id}", [1, 0, 0, 0], document))], CancellationToken.None);
        await _index.DeleteDocumentAsync(_project, Guid.NewGuid(), VersionSelector.All, CancellationToken.None);

        var first = await _index.ReadChunksAsync(_project, null, 2, CancellationToken.None);
        var second = await _index.ReadChunksAsync(_project, first.Next, 2, CancellationToken.None);
        var last = await _index.ReadChunksAsync(_project, second.Next, 2, CancellationToken.None);

        first.Chunks.Select(c => c.ChunkId).Should().Equal("c1", "c2");
        second.Chunks.Select(c => c.ChunkId).Should().Equal("c3", "c4");
        last.Chunks.Select(c => c.ChunkId).Should().Equal("c5");
        last.Next.Should().BeNull();
        first.Total.Should().Be(5);
        var chunk = first.Chunks[0];
        (chunk.Text, chunk.DocumentId, chunk.PageStart, chunk.HeadingPath).Should().Be(("text of c1", document, 3, "Intro"));
    }

    [Test]
    public async Task A_deleted_chunk_is_not_read()
    {
        var gone = Guid.NewGuid();
        await _index.UpsertAsync(_project, OldSpace, [Chunk("a", "kept", [1, 0, 0, 0]), Chunk("b", "deleted", [1, 0, 0, 0], gone)], CancellationToken.None);
        await _index.DeleteDocumentAsync(_project, gone, VersionSelector.All, CancellationToken.None);

        var page = await _index.ReadChunksAsync(_project, null, 10, CancellationToken.None);

        page.Chunks.Select(c => c.ChunkId).Should().Equal("a");
        page.Total.Should().Be(1);
    }

    [Test]
    public async Task A_staged_generation_is_not_searched_until_it_is_promoted_and_then_answers_in_its_space()
    {
        await _index.UpsertAsync(_project, OldSpace, [Chunk("a", "refund policy", [1, 0, 0, 0])], CancellationToken.None);
        await _index.UpsertStagedAsync(_project, NewSpace, [Chunk("a", "refund policy", [0, 1])], CancellationToken.None);

        (await _index.GetEmbeddingSpaceAsync(_project, CancellationToken.None)).Should().Be(OldSpace);
        (await Search([1, 0, 0, 0])).Should().Equal("a");
        (await _index.GetStagedAsync(_project, CancellationToken.None)).Should().BeEquivalentTo(
            new StagedGeneration(NewSpace, new HashSet<string> { "a" }));

        (await _index.PromoteStagedAsync(_project, CancellationToken.None)).Should().BeTrue();

        (await _index.GetEmbeddingSpaceAsync(_project, CancellationToken.None)).Should().Be(NewSpace);
        (await Search([0, 1])).Should().Equal("a");
        (await _index.GetStagedAsync(_project, CancellationToken.None)).Should().BeNull();
        await _index.UpsertAsync(_project, NewSpace, [Chunk("b", "new upload", [1, 0])], CancellationToken.None);
        (await Search([1, 0])).Should().Equal("b", "a");
    }

    [Test]
    public async Task A_question_embedded_in_the_old_space_just_before_the_promotion_is_answered_by_words()
    {
        await _index.UpsertAsync(_project, OldSpace, [Chunk("a", "refund policy", [1, 0, 0, 0])], CancellationToken.None);
        await _index.UpsertStagedAsync(_project, NewSpace, [Chunk("a", "refund policy", [0, 1])], CancellationToken.None);
        await _index.PromoteStagedAsync(_project, CancellationToken.None);

        var hits = await _index.SearchAsync(new HybridQuery(_project, "refund", new float[] { 1, 0, 0, 0 }, 10), CancellationToken.None);

        hits.Select(h => (h.Chunk.ChunkId, h.Vector)).Should().Equal(("a", (SignalScore?)null));
    }

    [Test]
    public async Task Promotion_is_refused_while_the_live_index_holds_other_chunks_than_the_staged_one()
    {
        await _index.UpsertAsync(_project, OldSpace, [Chunk("a", "one", [1, 0, 0, 0])], CancellationToken.None);
        await _index.UpsertStagedAsync(_project, NewSpace, [Chunk("a", "one", [0, 1]), Chunk("stale", "deleted meanwhile", [0, 1])], CancellationToken.None);
        // Uploaded during the re-embedding, after its chunks were read.
        await _index.UpsertAsync(_project, OldSpace, [Chunk("b", "two", [0, 1, 0, 0])], CancellationToken.None);

        (await _index.PromoteStagedAsync(_project, CancellationToken.None)).Should().BeFalse();
        (await _index.GetEmbeddingSpaceAsync(_project, CancellationToken.None)).Should().Be(OldSpace);

        await _index.UpsertStagedAsync(_project, NewSpace, [Chunk("b", "two", [1, 0])], CancellationToken.None);
        (await _index.PromoteStagedAsync(_project, CancellationToken.None)).Should().BeFalse("the staged generation still holds a chunk the live one lost");
        await _index.DeleteStagedAsync(_project, ["stale"], CancellationToken.None);

        (await _index.PromoteStagedAsync(_project, CancellationToken.None)).Should().BeTrue();
        (await _index.ReadChunksAsync(_project, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
    }

    [Test]
    public async Task A_promotion_cut_short_between_its_renames_leaves_the_live_index_which_is_found_again_with_the_staged_one()
    {
        await _index.UpsertAsync(_project, OldSpace, [Chunk("a", "refund policy", [1, 0, 0, 0])], CancellationToken.None);
        await _index.UpsertStagedAsync(_project, NewSpace, [Chunk("a", "refund policy", [0, 1])], CancellationToken.None);
        _index.Dispose();
        var live = Path.Combine(_dataDirectory, "indexes", _project.TenantId.ToString(), _project.ProjectId.ToString());
        Directory.Move(live, live + ".replaced"); // the crash: the first rename done, not the second

        _index = new LuceneSearchIndex(_dataDirectory);

        (await _index.GetEmbeddingSpaceAsync(_project, CancellationToken.None)).Should().Be(OldSpace);
        (await Search([1, 0, 0, 0])).Should().Equal("a");
        (await _index.GetStagedAsync(_project, CancellationToken.None))!.ChunkIds.Should().BeEquivalentTo(["a"]);
        (await _index.PromoteStagedAsync(_project, CancellationToken.None)).Should().BeTrue();
        (await _index.GetEmbeddingSpaceAsync(_project, CancellationToken.None)).Should().Be(NewSpace);
    }

    [Test]
    public async Task Discarding_or_deleting_the_project_removes_the_staged_generation()
    {
        var other = new ProjectScope(_project.TenantId, Guid.NewGuid());
        foreach (var scope in new[] { _project, other })
        {
            await _index.UpsertAsync(scope, OldSpace, [Chunk("a", "one", [1, 0, 0, 0])], CancellationToken.None);
            await _index.UpsertStagedAsync(scope, NewSpace, [Chunk("a", "one", [0, 1])], CancellationToken.None);
        }

        await _index.DiscardStagedAsync(_project, CancellationToken.None);
        await _index.DeleteProjectAsync(other, CancellationToken.None);

        (await _index.GetStagedAsync(_project, CancellationToken.None)).Should().BeNull();
        (await _index.GetStagedAsync(other, CancellationToken.None)).Should().BeNull();
        (await _index.GetEmbeddingSpaceAsync(_project, CancellationToken.None)).Should().Be(OldSpace, "the live index stays");
    }

    private async Task<IReadOnlyList<string>> Search(float[] vector) =>
        (await _index.SearchAsync(new HybridQuery(_project, "", vector, 10), CancellationToken.None)).Select(h => h.Chunk.ChunkId).ToList();

    private static IndexedChunk Chunk(string id, string text, float[] vector, Guid? documentId = null) =>
        new(id, documentId ?? Guid.NewGuid(), 1, "doc.md", text, "Intro", 3, 4, 0, text.Length, vector);
}
