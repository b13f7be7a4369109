using System.Text.Json;
using System.Text.Json.Nodes;
using CleanRag.Application.Projects.ReembedProject;
using CleanRag.Application.Search;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Search.Elasticsearch;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using static CleanRag.Infrastructure.Tests.Search.Elasticsearch.ElasticsearchTestbed;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

/// <summary>
/// Re-embedding on Elasticsearch, from hashing 384 to hashing 256 dimensions: the real <see cref="ProjectReembedder"/> and
/// adapter on the official client, against <see cref="FakeElasticsearchNode"/> (no Elasticsearch server can run here).
/// </summary>
public sealed class ElasticsearchReembeddingTests
{
    private static readonly EmbeddingSpace OldSpace = new("cleanrag-hashing-v1-384", 384);
    private static readonly EmbeddingSpace NewSpace = new("cleanrag-hashing-v1-256", 256);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly ProjectScope Other = new(TenantId, Guid.Parse("44444444-4444-4444-4444-444444444444"));
    private static readonly ChunkIndexLayout Layout = new("cleanrag-chunks");
    private static readonly string OldIndex = Layout.SpaceIndexName(TenantId, OldSpace);
    private static readonly string NewIndex = Layout.SpaceIndexName(TenantId, NewSpace);

    private FakeElasticsearchNode _node = null!;
    private ElasticsearchTestbed _testbed = null!;
    private InMemoryEvents _events = null!;
    private ReembeddingProgress _progress = null!;

    private ElasticsearchSearchIndex Index => _testbed.SearchIndex;

    [SetUp]
    public void StartNode()
    {
        _node = new FakeElasticsearchNode();
        _testbed = new ElasticsearchTestbed().WithNode(_node);
        (_events, _progress) = (new InMemoryEvents(), new ReembeddingProgress());
        foreach (var project in new[] { Scope, Other })
            _events.Add(project.ProjectId, Project.Create(project.ProjectId, TenantId, "Support", null, ProjectSettings.Default, Guid.NewGuid(), Now));
    }

    [Test]
    public async Task A_project_moves_to_its_new_space_by_one_alias_swap_while_the_tenants_other_project_stays_in_the_old_one()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "Dental cleanings are covered twice a year."), Old("b", "Glasses are covered up to 150 dollars.")],
            CancellationToken.None);
        await Index.UpsertAsync(Other, OldSpace, [Old("x", "Refunds take five days.")], CancellationToken.None);
        var model = new CountingModel(fail: false);

        (await Reembedder(model).ReembedAsync(Scope, CancellationToken.None)).Should().BeTrue();

        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(NewSpace);
        (await Index.GetEmbeddingSpaceAsync(Other, CancellationToken.None)).Should().Be(OldSpace);
        (await Index.GetStagedAsync(Scope, CancellationToken.None)).Should().BeNull();
        _node.AliasesOf(NewIndex).Should().Equal(ProjectAlias, WriteAlias);
        _node.AliasesOf(OldIndex).Should().Equal(Layout.ProjectAlias(Other), Layout.WriteAlias(Other));
        _node.Documents(OldIndex).Select(d => (string)d["chunk_id"]!).Should().Equal("x");
        (await SearchIds(Scope, New("Glasses are covered up to 150 dollars."))).Should().StartWith("b");
        (await SearchIds(Other, OldVector("Refunds take five days."))).Should().Equal("x");
        model.Embedded.Should().BeEquivalentTo("Dental cleanings are covered twice a year.", "Glasses are covered up to 150 dollars.");
        _events.Stream(Scope.ProjectId).Skip(1).Select(e => e.GetType()).Should().Equal(
            typeof(ProjectReembeddingStarted), typeof(ProjectReembeddingCompleted));

        // The promotion: the fence (writes held while the chunk ids are compared), then one _aliases request, so searches see
        // either the old index or the new one, and writes, held until it, go to the new one.
        var filter = $$"""
            { "bool": { "filter": [
                { "term": { "tenant_id": { "value": "{{TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ] } }
            """;
        var (fence, swap) = (_testbed.Requests.Where(r => r.Path == "/_aliases").SkipLast(1).Last(), _testbed.Requests.Last(r => r.Path == "/_aliases"));
        ShouldBeJson(fence.Json, $$"""
            { "actions": [
                { "remove": { "index": "{{OldIndex}}", "alias": "{{WriteAlias}}", "must_exist": true } },
                { "add": { "index": "{{OldIndex}}", "alias": "{{FenceAlias}}", "filter": {{filter}} } } ] }
            """);
        ShouldBeJson(swap.Json, $$"""
            { "actions": [
                { "remove": { "index": "{{OldIndex}}", "alias": "{{ProjectAlias}}", "must_exist": true } },
                { "add": { "index": "{{NewIndex}}", "alias": "{{ProjectAlias}}", "filter": {{filter}} } },
                { "add": { "index": "{{NewIndex}}", "alias": "{{WriteAlias}}", "is_write_index": true, "filter": {{filter}} } },
                { "remove": { "index": "{{OldIndex}}", "alias": "{{FenceAlias}}", "must_exist": true } },
                { "remove": { "index": "{{NewIndex}}", "alias": "{{StagedAlias}}", "must_exist": true } } ] }
            """);
    }

    [Test]
    public async Task Searches_during_the_reembedding_use_the_live_space_and_never_see_the_staged_chunks()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "Dental cleanings are covered twice a year.")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("Dental cleanings are covered twice a year."), "a", "Dental cleanings are covered twice a year.")],
            CancellationToken.None);

        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(OldSpace);
        (await SearchIds(Scope, OldVector("Dental cleanings"), "dental")).Should().Equal("a");
        _testbed.Requests.Where(r => r.Path.EndsWith("/_search", StringComparison.Ordinal) && r.Body.Contains("dental", StringComparison.Ordinal))
            .Should().OnlyContain(r => r.Path == $"/{ProjectAlias}/_search");
        (await Index.GetStagedAsync(Scope, CancellationToken.None)).Should().BeEquivalentTo(new StagedGeneration(NewSpace, new HashSet<string> { "a" }));
    }

    [Test]
    public async Task Documents_uploaded_and_deleted_during_the_reembedding_are_caught_up_before_the_promotion()
    {
        var deleted = Guid.NewGuid();
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "Dental cleanings are covered twice a year.", deleted), Old("b", "Glasses are covered up to 150 dollars.")],
            CancellationToken.None);
        var meanwhile = true;
        var model = new CountingModel(fail: false, beforeEachBatch: async () =>
        {
            if (!meanwhile)
                return;
            meanwhile = false;
            // While the first batch is embedded: one upload and one delete, written to the live index in its space.
            await Index.UpsertAsync(Scope, OldSpace, [Old("c", "Contact lenses are covered once a year.")], CancellationToken.None);
            await Index.DeleteDocumentAsync(Scope, deleted, VersionSelector.All, CancellationToken.None);
        });

        await Reembedder(model).ReembedAsync(Scope, CancellationToken.None);

        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(NewSpace);
        var live = await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None);
        live.Chunks.Select(c => c.ChunkId).Should().Equal("b", "c");
        _node.Documents(NewIndex).Should().OnlyContain(d => ((JsonArray)d["embedding"]!).Count == 256);
        model.Embedded.Should().EndWith("Contact lenses are covered once a year.");
        _progress.Of(Scope.ProjectId).Should().Be(new ProjectReembedding(OldSpace.ModelId, NewSpace.ModelId, 2, 2, null, Completed: true));
    }

    [Test]
    public async Task After_a_kill_the_reembedding_resumes_from_the_staged_index()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "Dental cleanings are covered twice a year."), Old("b", "Glasses are covered up to 150 dollars.")],
            CancellationToken.None);
        var model = new CountingModel(fail: false);
        // Before the kill: started, and chunk a already embedded into the staged index.
        _events.Add(Scope.ProjectId, new ProjectReembeddingStarted(Scope.ProjectId, OldSpace.ModelId, model.Id, 2, Now));
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("Dental cleanings are covered twice a year."), "a", "Dental cleanings are covered twice a year.")],
            CancellationToken.None);

        await Reembedder(model).ReembedAsync(Scope, CancellationToken.None);

        model.Embedded.Should().Equal("Glasses are covered up to 150 dollars.");
        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(NewSpace);
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
    }

    [Test]
    public async Task A_tenant_index_of_the_first_layout_gives_its_projects_up_one_by_one_and_goes_when_the_last_has_left()
    {
        CreateLegacyIndex(
            (Scope, Old("a", "Dental cleanings are covered twice a year.")), (Scope, Old("b", "Glasses are covered up to 150 dollars.")),
            (Other, Old("x", "Refunds take five days.")));

        await Reembedder(new CountingModel(fail: false)).ReembedAsync(Scope, CancellationToken.None);

        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(NewSpace);
        (await Index.GetEmbeddingSpaceAsync(Other, CancellationToken.None)).Should().Be(OldSpace);
        _node.Documents(LegacyIndex).Select(d => (string)d["chunk_id"]!).Should().Equal("x");
        (await SearchIds(Other, OldVector("Refunds take five days."))).Should().Equal("x");
        _node.IndexNames.Should().BeEquivalentTo(LegacyIndex, NewIndex);

        await Reembedder(new CountingModel(fail: false)).ReembedAsync(Other, CancellationToken.None);

        _node.IndexNames.Should().Equal(NewIndex);
        (await SearchIds(Other, New("Refunds take five days."))).Should().Equal("x");
        (await SearchIds(Scope, New("Dental cleanings are covered twice a year."))).Should().StartWith("a");
    }

    [Test]
    public async Task A_project_moving_into_the_space_of_a_first_layout_index_is_staged_there_once_the_page_break_field_is_added()
    {
        CreateLegacyIndex(NewSpace, (Other, Chunk(New("Refunds take five days."), "x", "Refunds take five days.")));
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "Dental cleanings are covered twice a year.") with { PageBreaks = [new(8, 3)] }],
            CancellationToken.None);

        await Reembedder(new CountingModel(fail: false)).ReembedAsync(Scope, CancellationToken.None);

        _node.AliasesOf(LegacyIndex).Should().Contain(ProjectAlias);
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Single().PageBreaks.Should().Equal(new PageBreak(8, 3));
        _node.IndexNames.Should().Equal(LegacyIndex);
    }

    [Test]
    public async Task The_live_chunks_are_read_page_by_page_in_chunk_id_order_with_their_texts_and_metadata()
    {
        await Index.UpsertAsync(Scope, OldSpace, [.. new[] { "c3", "c1", "c5", "c2", "c4" }.Select(id => Old(id, $"text of {id}"))], CancellationToken.None);
        await Index.UpsertAsync(Other, OldSpace, [Old("c0", "another project")], CancellationToken.None);

        var first = await Index.ReadChunksAsync(Scope, null, 2, CancellationToken.None);
        var second = await Index.ReadChunksAsync(Scope, first.Next, 2, CancellationToken.None);
        var last = await Index.ReadChunksAsync(Scope, second.Next, 2, CancellationToken.None);

        first.Chunks.Select(c => c.ChunkId).Should().Equal("c1", "c2");
        second.Chunks.Select(c => c.ChunkId).Should().Equal("c3", "c4");
        last.Chunks.Select(c => c.ChunkId).Should().Equal("c5");
        last.Next.Should().BeNull();
        first.Total.Should().Be(5);
        (first.Chunks[0].Text, first.Chunks[0].HeadingPath, first.Chunks[0].PageStart, first.Chunks[0].Vector.IsEmpty)
            .Should().Be(("text of c1", "Policies > Refunds", 2, true));
        var request = _testbed.Requests.Last(r => r.Path == $"/{ProjectAlias}/_search");
        ShouldBeJson(request.Json, $$"""
            {
              "query": { "bool": { "filter": [
                { "term": { "tenant_id": { "value": "{{TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ] } },
              "size": 2, "_source": { "excludes": "embedding" }, "sort": { "chunk_id": { "order": "asc" } },
              "search_after": [ "c4" ], "track_total_hits": true
            }
            """);
    }

    [Test]
    public async Task Promotion_is_refused_while_the_live_index_holds_other_chunks_than_the_staged_one()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("one"), "a", "one"), Chunk(New("gone"), "stale", "deleted meanwhile")], CancellationToken.None);
        // Uploaded during the re-embedding, after its chunks were read.
        await Index.UpsertAsync(Scope, OldSpace, [Old("b", "two")], CancellationToken.None);

        (await Index.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeFalse();
        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(OldSpace);

        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("two"), "b", "two")], CancellationToken.None);
        (await Index.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeFalse("the staged index still holds a chunk the live one lost");
        await Index.DeleteStagedAsync(Scope, ["stale"], CancellationToken.None);

        (await Index.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeTrue();
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
        _node.IndexNames.Should().Equal(new[] { NewIndex }, "the old index held no other project");
    }

    [Test]
    public async Task Discarding_or_deleting_the_project_removes_the_staged_chunks_and_an_index_left_unused()
    {
        foreach (var scope in new[] { Scope, Other })
        {
            await Index.UpsertAsync(scope, OldSpace, [Old("a", "one")], CancellationToken.None);
            await Index.UpsertStagedAsync(scope, NewSpace, [Chunk(New("one"), "a", "one")], CancellationToken.None);
        }

        await Index.DiscardStagedAsync(Scope, CancellationToken.None);
        await Index.DeleteProjectAsync(Other, CancellationToken.None);

        (await Index.GetStagedAsync(Scope, CancellationToken.None)).Should().BeNull();
        (await Index.GetStagedAsync(Other, CancellationToken.None)).Should().BeNull();
        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(OldSpace, "the live index stays");
        _node.IndexNames.Should().Equal(OldIndex);
    }

    [Test]
    public async Task The_index_a_project_left_is_kept_while_another_project_is_on_it_even_with_none_of_its_chunks()
    {
        var emptied = Guid.NewGuid();
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);
        await Index.UpsertAsync(Other, OldSpace, [Old("x", "two", emptied)], CancellationToken.None);
        await Index.DeleteDocumentAsync(Other, emptied, VersionSelector.All, CancellationToken.None);

        await Reembedder(new CountingModel(fail: false)).ReembedAsync(Scope, CancellationToken.None);

        _node.IndexNames.Should().BeEquivalentTo(OldIndex, NewIndex);
        (await Index.GetEmbeddingSpaceAsync(Other, CancellationToken.None)).Should().Be(OldSpace);
    }

    [Test]
    public async Task A_staged_alias_found_on_the_live_index_is_dropped_by_the_promotion_without_touching_the_live_chunks()
    {
        // Two instances re-embedding one project: the first promoted, the second then staged into what had become the live index.
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);

        (await Index.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeTrue();

        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a");
        _node.AliasesOf(OldIndex).Should().Equal(ProjectAlias, WriteAlias);
    }

    [Test]
    public async Task A_staged_chunk_of_another_space_than_the_staged_index_is_refused()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("one"), "a", "one")], CancellationToken.None);

        var upsert = () => Index.UpsertStagedAsync(Scope, new EmbeddingSpace("other-model", 256), [Chunk(New("two"), "b", "two")], CancellationToken.None);

        (await upsert.Should().ThrowAsync<EmbeddingSpaceMismatchException>()).Which.Indexed.Should().Be(NewSpace);
    }

    [Test]
    public async Task A_write_that_lands_in_another_index_because_a_promotion_moved_the_alias_meanwhile_is_refused_as_another_space()
    {
        // Both spaces have 3 dimensions, so Elasticsearch itself would take the old space's vectors.
        var newIndex = $"cleanrag-chunks-{TenantId:N}-newer-embedder-3";
        var testbed = new ElasticsearchTestbed()
            .OnWriteMapping(Ok(ElasticsearchResponses.Mapping(SpaceIndex, Space.ModelId, 3)), Ok(ElasticsearchResponses.Mapping(newIndex, "newer-embedder", 3)))
            .OnBulk(Ok(ElasticsearchResponses.BulkSucceeded(newIndex, "x")));

        var upsert = () => testbed.SearchIndex.UpsertAsync(Scope, Space, [ElasticsearchTestbed.Chunk("c1")], CancellationToken.None);

        var thrown = await upsert.Should().ThrowAsync<EmbeddingSpaceMismatchException>();
        (thrown.Which.Indexed, thrown.Which.Offered).Should().Be((new EmbeddingSpace("newer-embedder", 3), Space));
    }

    // The write fence: several API instances share the index, and a promotion holds all their writes while it compares the
    // chunk ids and swaps the aliases. "Another instance" is a second adapter on the same node.

    [Test]
    public async Task Writes_of_another_instance_while_a_promotion_compares_the_chunks_fail_as_retryable_and_go_to_the_new_index_when_retried()
    {
        var deleted = Guid.NewGuid();
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "Dental cleanings are covered twice a year.", deleted)], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace,
            [Chunk(New("Dental cleanings are covered twice a year."), "a", "Dental cleanings are covered twice a year.", deleted)], CancellationToken.None);
        var other = Instance().SearchIndex;
        var upload = () => other.UpsertAsync(Scope, OldSpace, [Old("b", "Glasses are covered up to 150 dollars.")], CancellationToken.None);
        var delete = () => other.DeleteDocumentAsync(Scope, deleted, VersionSelector.All, CancellationToken.None);
        var promoter = Instance(IsLiveIdRead, async () =>
        {
            // Unfenced, the upload would land in the old index after its ids were read, lost from search by the swap, and the
            // delete would leave chunk a in the new index.
            await upload.Should().ThrowAsync<ElasticsearchWritesFencedException>();
            await delete.Should().ThrowAsync<ElasticsearchWritesFencedException>();
        });

        (await promoter.SearchIndex.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeTrue();

        // Redelivered, the upload is embedded in the space the project has now (as DocumentIndexer does).
        (await other.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(NewSpace);
        await other.UpsertAsync(Scope, NewSpace, [Chunk(New("Glasses are covered up to 150 dollars."), "b", "Glasses are covered up to 150 dollars.")],
            CancellationToken.None);
        await delete();
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("b");
        (await SearchIds(Scope, New("Glasses are covered up to 150 dollars."))).Should().Equal("b");
        _node.IndexNames.Should().Equal(new[] { NewIndex }, "no write through the missing write alias created an index of its name");
        _node.AliasesOf(NewIndex).Should().Equal(ProjectAlias, WriteAlias);
    }

    [Test]
    public async Task A_write_held_by_a_promotion_that_finds_other_chunks_goes_to_the_old_index_when_retried()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("one"), "a", "one"), Chunk(New("gone"), "stale", "deleted meanwhile")],
            CancellationToken.None);
        var other = Instance().SearchIndex;
        var upload = () => other.UpsertAsync(Scope, OldSpace, [Old("b", "two")], CancellationToken.None);
        var promoter = Instance(IsLiveIdRead, () => upload.Should().ThrowAsync<ElasticsearchWritesFencedException>());

        (await promoter.SearchIndex.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeFalse();

        await upload();
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
        _node.AliasesOf(OldIndex).Should().Equal(ProjectAlias, WriteAlias);
    }

    [Test]
    public async Task A_promotion_killed_between_its_fence_and_its_swap_holds_the_writes_until_the_next_start_gives_them_back()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one"), Old("b", "two")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("one"), "a", "one")], CancellationToken.None);
        var killed = false;
        var dying = new ElasticsearchTestbed(maxRetryAttempts: 0);
        // Once its fence is up the instance is gone: nothing it sends arrives, so it neither compares nor lifts the fence.
        dying.Es.On(_ => killed, RecordingElasticsearchHandler.Fail(new HttpRequestException("the instance was killed")));
        dying.Es.On(r => r.Path == "/_aliases" && r.Body.Contains(FenceAlias, StringComparison.Ordinal), request =>
        {
            killed = true;
            return _node.Answer(request);
        });
        dying.WithNode(_node);
        await ((Func<Task>)(() => dying.SearchIndex.PromoteStagedAsync(Scope, CancellationToken.None))).Should().ThrowAsync<Exception>();

        // Meanwhile writes fail and are retried, and none creates an index named after the missing write alias.
        var other = Instance().SearchIndex;
        var upload = () => other.UpsertAsync(Scope, OldSpace, [Old("c", "three")], CancellationToken.None);
        await upload.Should().ThrowAsync<ElasticsearchWritesFencedException>();
        _node.IndexNames.Should().BeEquivalentTo(OldIndex, NewIndex);

        // The next start gives the writes back before re-embedding: an upload during the re-embedding lands, and is caught up.
        var uploaded = false;
        var model = new CountingModel(fail: false, beforeEachBatch: async () =>
        {
            if (uploaded)
                return;
            uploaded = true;
            await upload();
        });
        var restarted = Instance().SearchIndex;
        (await Reembedder(model, restarted).ReembedAsync(Scope, CancellationToken.None)).Should().BeTrue();

        (await restarted.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(NewSpace);
        (await restarted.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b", "c");
        _node.AliasesOf(NewIndex).Should().Equal(ProjectAlias, WriteAlias);
        _node.IndexNames.Should().Equal(NewIndex);
    }

    [Test]
    public async Task A_promotion_whose_fence_the_start_of_another_instance_lifted_fails_and_changes_nothing()
    {
        await Index.UpsertAsync(Scope, OldSpace, [Old("a", "one")], CancellationToken.None);
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("one"), "a", "one")], CancellationToken.None);
        var other = Instance().SearchIndex;
        var promoter = Instance(r => r.Path == "/_aliases" && r.Body.Contains(StagedAlias, StringComparison.Ordinal), async () =>
        {
            // Between the comparison and the swap: an instance starting up cannot tell this fence from one a crash left up.
            await other.RecoverAsync(Scope, CancellationToken.None);
            await other.UpsertAsync(Scope, OldSpace, [Old("b", "two")], CancellationToken.None);
        });

        await ((Func<Task>)(() => promoter.SearchIndex.PromoteStagedAsync(Scope, CancellationToken.None))).Should().ThrowAsync<ElasticsearchException>();

        (await Index.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(OldSpace);
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
        _node.AliasesOf(OldIndex).Should().Equal(ProjectAlias, WriteAlias);
        (await Index.GetStagedAsync(Scope, CancellationToken.None))!.ChunkIds.Should().BeEquivalentTo(["a"], "the next pass takes it from there");
    }

    [Test]
    public async Task A_project_given_its_alias_before_write_aliases_existed_gets_its_write_alias_at_the_first_start()
    {
        CreateIndexWithoutWriteAlias(NewSpace, Chunk(New("one"), "a", "one"));

        (await Reembedder(new CountingModel(fail: false)).ReembedAsync(Scope, CancellationToken.None))
            .Should().BeFalse("the project is in the configured model's space already");

        _node.AliasesOf(NewIndex).Should().Equal(ProjectAlias, WriteAlias);
        await Index.UpsertAsync(Scope, NewSpace, [Chunk(New("two"), "b", "two")], CancellationToken.None);
        _testbed.Requests.Last(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)).Path.Should().Be($"/{WriteAlias}/_bulk");
        (await Index.ReadChunksAsync(Scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
    }

    [Test]
    public async Task A_promotion_holds_the_writes_of_a_project_not_yet_given_its_write_alias_too()
    {
        CreateIndexWithoutWriteAlias(OldSpace, Old("a", "one"));
        await Index.UpsertStagedAsync(Scope, NewSpace, [Chunk(New("one"), "a", "one")], CancellationToken.None);
        var other = Instance().SearchIndex;
        var upload = () => other.UpsertAsync(Scope, OldSpace, [Old("b", "two")], CancellationToken.None);
        // Finding neither alias, the writer must not take the project for one of the older layout and give it its write alias.
        var promoter = Instance(IsLiveIdRead, () => upload.Should().ThrowAsync<ElasticsearchWritesFencedException>());

        (await promoter.SearchIndex.PromoteStagedAsync(Scope, CancellationToken.None)).Should().BeTrue();

        _node.AliasesOf(NewIndex).Should().Equal(ProjectAlias, WriteAlias);
        _node.IndexNames.Should().Equal(NewIndex);
    }

    /// <summary>
    /// Another API instance on the same node; when given, <paramref name="meanwhile"/> runs once just before the node answers
    /// the first request that <paramref name="before"/> matches.
    /// </summary>
    private ElasticsearchTestbed Instance(Func<RecordedRequest, bool>? before = null, Func<Task>? meanwhile = null)
    {
        var testbed = new ElasticsearchTestbed();
        if (before is not null && meanwhile is not null)
        {
            var done = false;
            testbed.Es.On(request => !done && before(request), request => async cancellationToken =>
            {
                done = true;
                await meanwhile();
                return await _node.Answer(request)(cancellationToken);
            });
        }
        return testbed.WithNode(_node);
    }

    /// <summary>The promotion reading the live chunk ids, after the staged ones.</summary>
    private static bool IsLiveIdRead(RecordedRequest request) =>
        request.Method == System.Net.Http.HttpMethod.Post && request.Path == $"/{ProjectAlias}/_search" && request.Json["_source"]?.GetValueKind() == JsonValueKind.False;

    private ProjectReembedder Reembedder(CountingModel model, ISearchIndex? index = null) =>
        new(model, index ?? Index, _events, _progress, new FixedClock(Now), NullLogger<ProjectReembedder>.Instance);

    private async Task<IReadOnlyList<string>> SearchIds(ProjectScope scope, float[] vector, string text = "") =>
        (await Index.SearchAsync(new HybridQuery(scope, text, vector, 10), CancellationToken.None)).Select(h => h.Chunk.ChunkId).ToList();

    private static float[] OldVector(string text)
    {
        using var embedder = new HashingEmbeddingGenerator(OldSpace.Dimensions);
        return embedder.Embed(text);
    }

    private static float[] New(string text)
    {
        using var embedder = new HashingEmbeddingGenerator(NewSpace.Dimensions);
        return embedder.Embed(text);
    }

    private static IndexedChunk Old(string id, string text, Guid? documentId = null) => Chunk(OldVector(text), id, text, documentId);

    private static IndexedChunk Chunk(float[] vector, string id, string text, Guid? documentId = null) =>
        new(id, documentId ?? Guid.NewGuid(), 1, "benefits.md", text, "Policies > Refunds", 2, 3, 0, text.Length, vector);

    /// <summary>A tenant index as the first layout made it: all projects in it, behind the tenant alias, no project alias, no page breaks.</summary>
    private void CreateLegacyIndex(params (ProjectScope Scope, IndexedChunk Chunk)[] chunks) => CreateLegacyIndex(OldSpace, chunks);

    private void CreateLegacyIndex(EmbeddingSpace space, params (ProjectScope Scope, IndexedChunk Chunk)[] chunks)
    {
        // The mapping of today's index without what the first layout lacked.
        var body = IndexBody(space);
        body["mappings"]!["_meta"]!["layout_version"] = 1;
        body["mappings"]!["properties"]!.AsObject().Remove("page_breaks");
        body["aliases"] = new JsonObject { [TenantAlias] = new JsonObject() };
        CreateIndex(LegacyIndex, body, chunks);
    }

    /// <summary>The index of <paramref name="space"/> as the version before write aliases left it: the project's alias alone on it.</summary>
    private void CreateIndexWithoutWriteAlias(EmbeddingSpace space, params IndexedChunk[] chunks)
    {
        var body = IndexBody(space);
        body["aliases"] = new JsonObject
        {
            [ProjectAlias] = new JsonObject { ["filter"] = JsonNode.Parse($$"""
                { "bool": { "filter": [
                    { "term": { "tenant_id": { "value": "{{TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ] } }
                """) },
        };
        CreateIndex(Layout.SpaceIndexName(TenantId, space), body, [.. chunks.Select(chunk => (Scope, chunk))]);
    }

    /// <summary>The body creating today's index of <paramref name="space"/>, as the client writes it.</summary>
    private static JsonObject IndexBody(EmbeddingSpace space)
    {
        var client = new ElasticsearchClient(new ElasticsearchClientSettings(new Uri("http://elasticsearch.test:9200")));
        return JsonNode.Parse(client.RequestResponseSerializer.SerializeToString(Layout.CreateIndexRequest(TenantId, space), SerializationFormatting.None))!.AsObject();
    }

    private void CreateIndex(string name, JsonObject body, (ProjectScope Scope, IndexedChunk Chunk)[] chunks)
    {
        _node.CreateIndex(name, body);
        foreach (var (scope, chunk) in chunks)
        {
            _node.Index(name, ChunkIndexLayout.DocumentId(scope, chunk.ChunkId), new JsonObject
            {
                ["tenant_id"] = scope.TenantId.ToString(), ["project_id"] = scope.ProjectId.ToString(),
                ["document_id"] = chunk.DocumentId.ToString(), ["chunk_id"] = chunk.ChunkId, ["document_version"] = 1,
                ["title"] = chunk.DocumentTitle, ["document_title"] = chunk.DocumentTitle, ["text"] = chunk.Text,
                ["char_start"] = chunk.CharStart, ["char_end"] = chunk.CharEnd,
                ["embedding"] = new JsonArray([.. chunk.Vector.ToArray().Select(v => (JsonNode)(double)v)]),
            });
        }
    }
}
