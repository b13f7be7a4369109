using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;
using CleanRag.Testing;

namespace CleanRag.Infrastructure.Tests.Search;

/// <summary>
/// Writes are searchable at once and committed in the background. A crash is simulated by copying the index's files
/// while the index is still open (what a killed process leaves on disk) and opening the copy as a restarted process would.
/// </summary>
public sealed class LuceneCommitTests
{
    private static readonly EmbeddingSpace Space = new("test-model", 4);
    private static readonly ProjectScope Project = new(Guid.NewGuid(), Guid.NewGuid());

    private string _root = null!;
    private string _dataDirectory = null!;
    private readonly List<LuceneSearchIndex> _indexes = [];

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "cleanrag-commit-tests", Guid.NewGuid().ToString("N"));
        _dataDirectory = Path.Combine(_root, "live");
    }

    [TearDown]
    public void DeleteRoot()
    {
        foreach (var index in _indexes)
            index.Dispose();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task An_upsert_is_searchable_before_it_is_committed_and_missing_after_a_crash_so_the_start_up_check_indexes_it_again()
    {
        Guid committed = Guid.NewGuid(), uncommitted = Guid.NewGuid();
        var index = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await Upsert(index, Chunk("c1", "committed travel policy", [1, 0, 0, 0], committed));
        index.Dispose(); // a clean shutdown commits
        index = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await Upsert(index, Chunk("u1", "uncommitted travel policy", [0, 1, 0, 0], uncommitted));
        (await Search(index, "travel", [0, 1, 0, 0])).Select(h => h.Chunk.ChunkId).Should().BeEquivalentTo(["c1", "u1"]);

        var restarted = Open(Crash(), Timeout.InfiniteTimeSpan);

        var versions = await restarted.ListDocumentVersionsAsync(Project, CancellationToken.None);
        versions.Contains(committed, 1).Should().BeTrue();
        versions.Contains(uncommitted, 1).Should().BeFalse("what the index lacks is what SearchIndexRestorer queues again");
        (await Search(restarted, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("c1");
        (await Search(restarted, "", [0, 1, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal(["c1"],
            "a vector whose chunk was not committed never surfaces");
    }

    [Test]
    public async Task Upserts_are_committed_within_the_commit_interval()
    {
        var document = Guid.NewGuid();
        var index = Open(_dataDirectory, TimeSpan.FromMilliseconds(50));
        await Upsert(index, Chunk("c1", "travel policy", [1, 0, 0, 0], document));

        await Eventually.IsTrueAsync(async () =>
        {
            var restarted = Open(Crash(), Timeout.InfiniteTimeSpan);
            return (await restarted.ListDocumentVersionsAsync(Project, CancellationToken.None)).Contains(document, 1);
        }, TimeSpan.FromSeconds(30), "the upsert committed");
    }

    [Test]
    public async Task A_delete_is_committed_at_once_so_a_crash_never_brings_a_deleted_document_back()
    {
        Guid deleted = Guid.NewGuid(), kept = Guid.NewGuid();
        var index = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await Upsert(index, Chunk("d1", "travel policy", [1, 0, 0, 0], deleted), Chunk("k1", "travel rules", [0, 1, 0, 0], kept));
        index.Dispose();
        index = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await index.DeleteDocumentAsync(Project, deleted, VersionSelector.All, CancellationToken.None);

        var restarted = Open(Crash(), Timeout.InfiniteTimeSpan);

        (await Search(restarted, "travel", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("k1");
    }

    [Test]
    public async Task A_delete_right_after_upserts_removes_their_chunks_and_vectors_though_no_search_has_seen_them()
    {
        var document = Guid.NewGuid();
        var index = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await Upsert(index, Chunk("v1", "travel policy", [1, 0, 0, 0], document));
        await Upsert(index, Chunk("v2", "travel policy revised", [0, 1, 0, 0], document, version: 2), Chunk("other", "parking", [1, 0, 0, 0]));
        await index.DeleteDocumentAsync(Project, document, new VersionSelector(AllExcept: 2), CancellationToken.None);
        await Upsert(index, Chunk("v3", "travel policy final", [0, 0, 1, 0], document, version: 3));
        await index.DeleteDocumentAsync(Project, document, new VersionSelector(AllExcept: 3), CancellationToken.None);

        (await Search(index, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("v3");
        (await Search(index, "", [1, 1, 1, 0])).Select(h => h.Chunk.ChunkId).Should().BeEquivalentTo(["v3", "other"]);
    }

    [Test]
    public async Task An_index_whose_files_were_deleted_before_its_last_commit_closes_and_opens_again_in_the_same_process()
    {
        var index = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await Upsert(index, Chunk("u1", "travel policy", [1, 0, 0, 0]));
        Directory.Delete(_dataDirectory, recursive: true);

        index.Invoking(i => i.Dispose()).Should().NotThrow("a failed last commit is logged, and the other projects still close");

        var reopened = Open(_dataDirectory, Timeout.InfiniteTimeSpan);
        await Upsert(reopened, Chunk("u2", "travel rules", [0, 1, 0, 0]));
        (await Search(reopened, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("u2");
    }

    private LuceneSearchIndex Open(string dataDirectory, TimeSpan commitInterval)
    {
        var index = new LuceneSearchIndex(dataDirectory, commitInterval);
        _indexes.Add(index);
        return index;
    }

    /// <summary>The live index's files as they are now on disk, copied to a new data directory.</summary>
    private string Crash()
    {
        var copy = Path.Combine(_root, $"crashed-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(_dataDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(_dataDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target);
            }
            catch (FileNotFoundException)
            {
                // Deleted by a merge meanwhile: not part of the committed index.
            }
        }
        return copy;
    }

    private static Task Upsert(LuceneSearchIndex index, params IndexedChunk[] chunks) =>
        index.UpsertAsync(Project, Space, chunks, CancellationToken.None);

    private static Task<IReadOnlyList<SearchHit>> Search(LuceneSearchIndex index, string text, float[] vector) =>
        index.SearchAsync(new HybridQuery(Project, text, vector, 10), CancellationToken.None);

    private static IndexedChunk Chunk(string id, string text, float[] vector, Guid? documentId = null, int version = 1) =>
        new(id, documentId ?? Guid.NewGuid(), version, "", text, null, null, null, 0, text.Length, vector);
}
