using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;

namespace CleanRag.Infrastructure.Tests.Search;

public sealed class LuceneSearchIndexTests
{
    private static readonly EmbeddingSpace Space = new("test-model", 4);
    private static readonly ProjectScope ProjectA = new(Guid.NewGuid(), Guid.NewGuid());
    private static readonly ProjectScope ProjectB = new(Guid.NewGuid(), Guid.NewGuid());

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
    public async Task A_query_in_project_A_never_returns_project_B_chunks()
    {
        await Upsert(ProjectA, Chunk("a1", "refund policy for annual plans"));
        await Upsert(ProjectB, Chunk("b1", "refund policy for monthly plans"));

        var hits = await Search(ProjectA, "refund policy monthly", [1, 0, 0, 0]);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("a1");
    }

    [Test]
    public async Task A_query_never_returns_another_tenants_chunks_even_with_the_same_project_id()
    {
        var projectId = Guid.NewGuid();
        var tenantA = new ProjectScope(Guid.NewGuid(), projectId);
        var tenantB = new ProjectScope(Guid.NewGuid(), projectId);
        await Upsert(tenantB, Chunk("secret", "salary bands of the tenant", [1, 0, 0, 0]));

        (await Search(tenantA, "salary bands", [1, 0, 0, 0])).Should().BeEmpty();
        await Upsert(tenantA, Chunk("public", "holiday calendar", [0, 1, 0, 0]));
        (await Search(tenantA, "salary bands holiday", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("public");
    }

    [Test]
    public async Task Isolation_holds_while_another_task_indexes_concurrently_into_project_B()
    {
        await Upsert(ProjectA, Chunk("a1", "password reset instructions", [1, 0, 0, 0]));
        using var stop = new CancellationTokenSource();
        var batchesWritten = 0;
        var writer = Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var chunks = Enumerable.Range(0, 20)
                    .Select(i => Chunk($"b-{batch}-{i}", "password reset instructions for project B", [1, 0, 0, 0]))
                    .ToArray();
                await Upsert(ProjectB, chunks);
                Interlocked.Increment(ref batchesWritten);
            }
        });

        // Keep searching until the writer has really overlapped with the searches (a loaded machine is slow).
        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50 || (Volatile.Read(ref batchesWritten) < 3 && i < 5000); i++)
            {
                var hits = await Search(ProjectA, "password reset instructions", [1, 0, 0, 0]);
                hits.Select(h => h.Chunk.ChunkId).Should().Equal("a1");
            }
        })).ToArray();
        await Task.WhenAll(searches);
        await stop.CancelAsync();
        await writer;

        (await Search(ProjectB, "password", [], k: 1000)).Should().HaveCountGreaterThan(20);
    }

    [Test]
    public async Task Concurrent_upserts_into_the_same_project_all_land()
    {
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
                await Upsert(ProjectA, Chunk($"w{w}-{batch}", "shared topic text", [w + 1, 1, 0, 0]));
        }));
        await Task.WhenAll(writers);

        (await Search(ProjectA, "shared topic", [], k: 100)).Should().HaveCount(40);
        (await Search(ProjectA, "", [1, 1, 0, 0], k: 100)).Should().HaveCount(40);
    }

    [Test]
    public async Task An_unknown_project_returns_no_hits_and_creates_nothing()
    {
        var unknown = new ProjectScope(Guid.NewGuid(), Guid.NewGuid());

        (await Search(unknown, "anything", [1, 0, 0, 0])).Should().BeEmpty();
        (await _index.GetEmbeddingSpaceAsync(unknown, CancellationToken.None)).Should().BeNull();
        Directory.Exists(Path.Combine(_dataDirectory, "indexes", unknown.TenantId.ToString())).Should().BeFalse();
    }

    [Test]
    public async Task Each_project_has_its_own_directory_under_the_data_directory()
    {
        await Upsert(ProjectA, Chunk("a1", "text"));

        Directory.Exists(Path.Combine(_dataDirectory, "indexes", ProjectA.TenantId.ToString(), ProjectA.ProjectId.ToString()))
            .Should().BeTrue();
    }

    [Test]
    public async Task Upserting_a_chunk_id_again_replaces_the_chunk()
    {
        await Upsert(ProjectA, Chunk("c1", "old wording about invoices", [1, 0, 0, 0]));
        await Upsert(ProjectA, Chunk("c1", "new wording about receipts", [0, 1, 0, 0]));

        (await Search(ProjectA, "invoices", [])).Should().BeEmpty();
        var hits = await Search(ProjectA, "receipts", []);
        hits.Should().ContainSingle().Which.Chunk.Text.Should().Be("new wording about receipts");
        (await Search(ProjectA, "", [1, 0, 0, 0], k: 10)).Should().ContainSingle()
            .Which.Vector!.Score.Should().BeApproximately(0, 1e-6, "the old vector was replaced");
    }

    [Test]
    public async Task Deleting_a_document_removes_all_its_versions_and_only_them()
    {
        var document = Guid.NewGuid();
        await Upsert(ProjectA,
            Chunk("v1", "travel expenses", [1, 0, 0, 0], document, version: 1),
            Chunk("v2", "travel expenses", [1, 0, 0, 0], document, version: 2),
            Chunk("other", "travel expenses", [1, 0, 0, 0]));

        await _index.DeleteDocumentAsync(ProjectA, document, VersionSelector.All, CancellationToken.None);

        (await Search(ProjectA, "travel", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("other");
    }

    [Test]
    public async Task Deleting_one_version_keeps_the_others()
    {
        var document = Guid.NewGuid();
        await Upsert(ProjectA,
            Chunk("v1", "travel expenses", [1, 0, 0, 0], document, version: 1),
            Chunk("v2", "travel expenses", [1, 0, 0, 0], document, version: 2));

        await _index.DeleteDocumentAsync(ProjectA, document, new VersionSelector(Only: 1), CancellationToken.None);

        (await Search(ProjectA, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("v2");
        (await Search(ProjectA, "", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("v2");
    }

    [Test]
    public async Task Deleting_all_versions_except_one_keeps_only_that_version()
    {
        var document = Guid.NewGuid();
        await Upsert(ProjectA,
            Chunk("v1", "travel expenses", [1, 0, 0, 0], document, version: 1),
            Chunk("v2", "travel expenses", [1, 0, 0, 0], document, version: 2),
            Chunk("v3", "travel expenses", [1, 0, 0, 0], document, version: 3));

        await _index.DeleteDocumentAsync(ProjectA, document, new VersionSelector(AllExcept: 3), CancellationToken.None);

        (await Search(ProjectA, "travel", [1, 0, 0, 0])).Should().ContainSingle()
            .Which.Chunk.Should().Match<IndexedChunk>(c => c.ChunkId == "v3" && c.DocumentVersion == 3);
    }

    [Test]
    public async Task Deleting_a_project_removes_its_chunks_vectors_and_files_but_not_other_projects()
    {
        await Upsert(ProjectA, Chunk("a1", "travel expenses", [1, 0, 0, 0]));
        await Upsert(ProjectB, Chunk("b1", "travel expenses", [1, 0, 0, 0]));

        await _index.DeleteProjectAsync(ProjectA, CancellationToken.None);

        (await Search(ProjectA, "travel", [1, 0, 0, 0])).Should().BeEmpty();
        (await _index.GetEmbeddingSpaceAsync(ProjectA, CancellationToken.None)).Should().BeNull();
        Directory.Exists(Path.Combine(_dataDirectory, "indexes", ProjectA.TenantId.ToString(), ProjectA.ProjectId.ToString()))
            .Should().BeFalse();
        (await Search(ProjectB, "travel", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("b1");

        await Upsert(ProjectA, Chunk("a2", "travel again", [1, 0, 0, 0]));
        (await Search(ProjectA, "travel", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("a2");
    }

    [Test]
    public async Task Vectors_of_another_embedding_space_are_refused_and_leave_the_index_untouched()
    {
        await Upsert(ProjectA, Chunk("a1", "travel expenses", [1, 0, 0, 0]));

        var otherSpace = new EmbeddingSpace("other-model", 4);
        var act = () => _index.UpsertAsync(ProjectA, otherSpace, [Chunk("a2", "travel policy", [0, 1, 0, 0])], CancellationToken.None);

        (await act.Should().ThrowAsync<EmbeddingSpaceMismatchException>())
            .Which.Should().Match<EmbeddingSpaceMismatchException>(e => e.Indexed == Space && e.Offered == otherSpace);
        (await Search(ProjectA, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("a1");
        (await _index.GetEmbeddingSpaceAsync(ProjectA, CancellationToken.None)).Should().Be(Space);
    }

    [Test]
    public async Task A_batch_with_a_vector_of_the_wrong_dimension_is_refused_as_a_whole()
    {
        await Upsert(ProjectA, Chunk("a1", "travel", [1, 0, 0, 0]));

        var act = () => _index.UpsertAsync(ProjectA, Space,
            [Chunk("good", "travel", [1, 0, 0, 0]), Chunk("bad", "travel", [1, 0, 0])], CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>();
        await Upsert(ProjectA, Chunk("a2", "other", [0, 1, 0, 0]));
        (await Search(ProjectA, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("a1");
    }

    [Test]
    public async Task A_zero_query_vector_finds_nothing_by_similarity()
    {
        await Upsert(ProjectA, Chunk("a1", "travel", [1, 0, 0, 0]));

        (await Search(ProjectA, "", [0, 0, 0, 0])).Should().BeEmpty();
        (await Search(ProjectA, "travel", [0, 0, 0, 0])).Should().ContainSingle().Which.Vector.Should().BeNull();
    }

    [Test]
    public async Task Once_its_last_vector_is_deleted_a_project_accepts_another_embedding_space()
    {
        var document = Guid.NewGuid();
        await Upsert(ProjectA, Chunk("a1", "travel", [1, 0, 0, 0], document));
        await _index.DeleteDocumentAsync(ProjectA, document, VersionSelector.All, CancellationToken.None);

        (await _index.GetEmbeddingSpaceAsync(ProjectA, CancellationToken.None)).Should().BeNull();
        var otherSpace = new EmbeddingSpace("other-model", 2);
        await _index.UpsertAsync(ProjectA, otherSpace, [Chunk("a2", "travel", [0, 1])], CancellationToken.None);
        (await _index.GetEmbeddingSpaceAsync(ProjectA, CancellationToken.None)).Should().Be(otherSpace);
    }

    [Test]
    public async Task Chunks_vectors_and_the_embedding_space_survive_reopening_the_index()
    {
        var document = Guid.NewGuid();
        var stored = new IndexedChunk("a1", document, 7, "Handbook", "travel expenses are refunded monthly", "Money > Travel",
            PageStart: 3, PageEnd: 4, CharStart: 10, CharEnd: 48, new float[] { 0, 0, 1, 0 });
        await _index.UpsertAsync(ProjectA, Space, [stored, Chunk("a2", "other", [1, 0, 0, 0])], CancellationToken.None);
        await _index.DeleteDocumentAsync(ProjectA, stored.DocumentId, new VersionSelector(Only: 99), CancellationToken.None);
        _index.Dispose();

        _index = new LuceneSearchIndex(_dataDirectory);

        (await _index.GetEmbeddingSpaceAsync(ProjectA, CancellationToken.None)).Should().Be(Space);
        var hit = (await Search(ProjectA, "refunded", [0, 0, 1, 0])).First();
        hit.Chunk.Should().BeEquivalentTo(stored, o => o.Excluding(c => c.Vector));
        hit.Lexical.Should().NotBeNull();
        hit.Vector.Should().Match<SignalScore>(v => v.Rank == 1 && Math.Abs(v.Score - 1) < 1e-6);
    }

    [Test]
    public async Task Deletes_survive_reopening_the_index()
    {
        var document = Guid.NewGuid();
        await Upsert(ProjectA, Chunk("a1", "travel", [1, 0, 0, 0], document), Chunk("a2", "travel", [1, 0, 0, 0]));
        await _index.DeleteDocumentAsync(ProjectA, document, VersionSelector.All, CancellationToken.None);
        _index.Dispose();

        _index = new LuceneSearchIndex(_dataDirectory);

        (await Search(ProjectA, "", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("a2");
        (await Search(ProjectA, "travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("a2");
    }

    [Test]
    public async Task A_text_only_query_ranks_by_BM25_alone()
    {
        await Upsert(ProjectA,
            Chunk("weak", "the office has a kitchen", [1, 0, 0, 0]),
            Chunk("strong", "kitchen rules: clean the kitchen after using the kitchen", [0, 1, 0, 0]),
            Chunk("none", "parking spaces", [0, 0, 1, 0]));

        var hits = await Search(ProjectA, "kitchen", []);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("strong", "weak");
        hits.Should().OnlyContain(h => h.Lexical != null && h.Vector == null);
    }

    [Test]
    public async Task English_stemming_and_stop_words_apply_to_queries_and_chunks()
    {
        await Upsert(ProjectA, Chunk("a1", "Employees are refunding travelling costs"));

        (await Search(ProjectA, "the refunds of travel", [])).Select(h => h.Chunk.ChunkId).Should().Equal("a1");
        (await Search(ProjectA, "the of and", [])).Should().BeEmpty();
    }

    [Test]
    public async Task A_misspelt_query_finds_the_document_through_close_words_of_the_index()
    {
        await Upsert(ProjectA,
            Chunk("hearing", "Hearing care services include exams and hearing aids"),
            Chunk("parking", "Parking spaces are assigned by the office manager"));

        var hits = await Search(ProjectA, "What typs of hearin care servises", []);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("hearing");
    }

    [Test]
    public async Task A_word_the_documents_hold_is_not_expanded_so_its_exact_match_ranks_first()
    {
        await Upsert(ProjectA,
            Chunk("exact", "The vision plan covers glasses"),
            Chunk("neighbour", "Version two of the mission statement"));

        // "vision" is in the index: only the chunk with the exact word matches, none of its neighbours ("version").
        (await Search(ProjectA, "vision", [])).Select(h => h.Chunk.ChunkId).Should().Equal("exact");
        (await Search(ProjectA, "versoin", [])).Select(h => h.Chunk.ChunkId).Should().Equal("neighbour");
    }

    [Test]
    public async Task A_misspelt_word_is_weighed_below_a_correctly_spelt_one()
    {
        await Upsert(ProjectA,
            Chunk("dental", "Dental cleaning twice a year"),
            Chunk("vision", "Vision exams once a year"));

        // Both words match one chunk each; the exact one outranks the corrected typo.
        var hits = await Search(ProjectA, "dentl vision", []);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("vision", "dental");
    }

    [Test]
    public async Task Typo_expansion_never_reaches_another_project_or_tenant()
    {
        var otherTenant = new ProjectScope(Guid.NewGuid(), ProjectA.ProjectId);
        await Upsert(ProjectA, Chunk("a1", "parking spaces"));
        await Upsert(ProjectB, Chunk("b1", "hearing services"));
        await Upsert(otherTenant, Chunk("t1", "hearing services"));

        (await Search(ProjectA, "hearin servises", [])).Should().BeEmpty();
        (await Search(ProjectB, "hearin servises", [])).Select(h => h.Chunk.ChunkId).Should().Equal("b1");
    }

    [Test]
    public async Task A_chunk_keeps_its_page_breaks_for_citations()
    {
        await Upsert(ProjectA,
            new IndexedChunk("two-pages", Guid.NewGuid(), 1, "handbook.pdf", "Glasses are covered. Lenses too.", null, 3, 4, 0, 32,
                ReadOnlyMemory<float>.Empty, [new PageBreak(21, 4)]),
            Chunk("one-page", "Glasses are covered."));

        var hits = await Search(ProjectA, "glasses", []);

        hits.Single(h => h.Chunk.ChunkId == "two-pages").Chunk.PageBreaks.Should().Equal(new PageBreak(21, 4));
        hits.Single(h => h.Chunk.ChunkId == "one-page").Chunk.PageBreaks.Should().BeNull();
    }

    [Test]
    public async Task Each_chunk_of_a_batch_is_stored_with_its_own_fields_only()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        await Upsert(ProjectA,
            new IndexedChunk("full", first, 3, "handbook.pdf", "Glasses are covered.", "Benefits > Vision", 3, 4, 5, 25,
                ReadOnlyMemory<float>.Empty, [new PageBreak(10, 4)]),
            new IndexedChunk("bare", second, 1, "notes.txt", "Glasses are not.", null, null, null, 0, 16, ReadOnlyMemory<float>.Empty));

        var bare = (await Search(ProjectA, "glasses", [])).Single(h => h.Chunk.ChunkId == "bare").Chunk;

        bare.Should().BeEquivalentTo(new IndexedChunk("bare", second, 1, "notes.txt", "Glasses are not.", null, null, null, 0, 16,
            ReadOnlyMemory<float>.Empty), options => options.Excluding(c => c.Vector));
    }

    [Test]
    public async Task A_chunk_id_written_again_for_another_document_is_deleted_with_that_document_only()
    {
        Guid before = Guid.NewGuid(), after = Guid.NewGuid();
        await Upsert(ProjectA, Chunk("moved", "travel expenses", [1, 0, 0, 0], before));
        await Upsert(ProjectA, Chunk("moved", "travel expenses", [1, 0, 0, 0], after));

        await _index.DeleteDocumentAsync(ProjectA, before, VersionSelector.All, CancellationToken.None);
        (await Search(ProjectA, "", [1, 0, 0, 0])).Select(h => h.Chunk.ChunkId).Should().Equal("moved");

        await _index.DeleteDocumentAsync(ProjectA, after, VersionSelector.All, CancellationToken.None);
        (await Search(ProjectA, "", [1, 0, 0, 0])).Should().BeEmpty("its vector goes with the document that holds it");
    }

    [Test]
    public async Task The_document_title_is_searchable()
    {
        await Upsert(ProjectA, new IndexedChunk("a1", Guid.NewGuid(), 1, "Northwind Health Plus", "covers dental care",
            null, null, null, 0, 18, ReadOnlyMemory<float>.Empty));

        (await Search(ProjectA, "northwind", [])).Select(h => h.Chunk.ChunkId).Should().Equal("a1");
    }

    [Test]
    public async Task A_vector_only_query_ranks_by_cosine_similarity()
    {
        await Upsert(ProjectA,
            Chunk("far", "alpha", [0, 0, 0, 1]),
            Chunk("near", "beta", [0.9f, 0.1f, 0, 0]),
            Chunk("nearest", "gamma", [2, 0, 0, 0]));

        var hits = await Search(ProjectA, "", [1, 0, 0, 0]);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("nearest", "near", "far");
        hits.Should().OnlyContain(h => h.Vector != null && h.Lexical == null);
        hits[0].Vector!.Score.Should().BeApproximately(1, 1e-6, "vectors are normalised, so the score is the cosine");
    }

    [Test]
    public async Task A_hybrid_query_fuses_both_signals()
    {
        await Upsert(ProjectA,
            Chunk("lexical", "vacation days carry over", [0, 0, 0, 1]),
            Chunk("both", "vacation policy", [1, 0, 0, 0]),
            Chunk("semantic", "time off rules", [0.9f, 0.1f, 0, 0]));

        var hits = await Search(ProjectA, "vacation", [1, 0, 0, 0]);

        hits[0].Chunk.ChunkId.Should().Be("both");
        hits[0].Lexical.Should().NotBeNull();
        hits[0].Vector.Should().NotBeNull();
        hits.Select(h => h.Chunk.ChunkId).Should().BeEquivalentTo(["both", "lexical", "semantic", ]);
    }

    [Test]
    public async Task A_search_can_be_narrowed_to_some_documents()
    {
        var wanted = Guid.NewGuid();
        await Upsert(ProjectA,
            Chunk("in", "travel", [1, 0, 0, 0], wanted),
            Chunk("out", "travel", [1, 0, 0, 0]));

        var hits = await _index.SearchAsync(
            new HybridQuery(ProjectA, "travel", new float[] { 1, 0, 0, 0 }, 10, DocumentIds: [wanted]), CancellationToken.None);
        var none = await _index.SearchAsync(
            new HybridQuery(ProjectA, "travel", new float[] { 1, 0, 0, 0 }, 10, DocumentIds: []), CancellationToken.None);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("in");
        none.Should().BeEmpty();
    }

    [Test]
    public async Task At_most_K_hits_are_returned()
    {
        await Upsert(ProjectA, Enumerable.Range(0, 30).Select(i => Chunk($"c{i}", "common words", [1, i, 0, 0])).ToArray());

        (await Search(ProjectA, "common", [1, 0, 0, 0], k: 7)).Should().HaveCount(7);
    }

    [TestCase("AND OR (")]
    [TestCase("*")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("title:\"unclosed")]
    [TestCase("a~2 b^3 [x TO y} \\ / ! &&")]
    [TestCase("häufige Fragen — 常见问题 🤖 ?")]
    public async Task Query_text_of_any_shape_does_not_throw(string text)
    {
        await Upsert(ProjectA, Chunk("a1", "häufige Fragen 常见问题 and OR words", [1, 0, 0, 0]));

        var act = () => Search(ProjectA, text, []);

        await act.Should().NotThrowAsync();
    }

    [Test]
    public async Task A_very_long_query_does_not_exceed_lucene_clause_limits()
    {
        await Upsert(ProjectA, Chunk("a1", "word17 appears here"));
        var text = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"word{i}"));

        var hits = await Search(ProjectA, text, []);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("a1");
    }

    [Test]
    public async Task The_inventory_lists_the_document_versions_with_live_chunks_whether_or_not_the_project_is_open()
    {
        Guid kept = Guid.NewGuid(), replaced = Guid.NewGuid(), deleted = Guid.NewGuid();
        await Upsert(ProjectA, Chunk("k1", "kept", documentId: kept), Chunk("k2", "kept too", documentId: kept),
            Chunk("r1", "old", documentId: replaced), Chunk("d1", "gone", documentId: deleted));
        await Upsert(ProjectA, Chunk("r2", "new", documentId: replaced, version: 2));
        await _index.DeleteDocumentAsync(ProjectA, replaced, new VersionSelector(AllExcept: 2), CancellationToken.None);
        await _index.DeleteDocumentAsync(ProjectA, deleted, VersionSelector.All, CancellationToken.None);

        var open = await _index.ListDocumentVersionsAsync(ProjectA, CancellationToken.None);
        _index.Dispose();
        _index = new LuceneSearchIndex(_dataDirectory); // a restarted process, nothing opened yet
        var reopened = await _index.ListDocumentVersionsAsync(ProjectA, CancellationToken.None);

        foreach (var versions in new[] { open, reopened })
        {
            versions.Count.Should().Be(2);
            versions.Contains(kept, 1).Should().BeTrue();
            versions.Contains(replaced, 2).Should().BeTrue();
            versions.Contains(replaced, 1).Should().BeFalse();
            versions.Contains(deleted, 1).Should().BeFalse();
        }
        (await _index.ListDocumentVersionsAsync(ProjectB, CancellationToken.None)).Count.Should().Be(0);
        Directory.Exists(Path.Combine(_dataDirectory, "indexes", ProjectB.TenantId.ToString())).Should().BeFalse("listing must not create an index");
    }

    private Task Upsert(ProjectScope scope, params IndexedChunk[] chunks) =>
        _index.UpsertAsync(scope, Space, chunks, CancellationToken.None);

    private Task<IReadOnlyList<SearchHit>> Search(ProjectScope scope, string text, float[] vector, int k = 10) =>
        _index.SearchAsync(new HybridQuery(scope, text, vector, k), CancellationToken.None);

    private static IndexedChunk Chunk(string id, string text, float[]? vector = null, Guid? documentId = null, int version = 1) =>
        new(id, documentId ?? Guid.NewGuid(), version, "", text, null, null, null, 0, text.Length, vector ?? []);
}
