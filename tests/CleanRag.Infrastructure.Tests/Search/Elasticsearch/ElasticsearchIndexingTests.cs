using System.Net;
using System.Text.Json.Nodes;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using static CleanRag.Infrastructure.Tests.Search.Elasticsearch.ElasticsearchTestbed;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

public class ElasticsearchIndexingTests
{
    [Test]
    public async Task The_first_upsert_of_a_project_creates_the_tenants_index_of_its_space_and_puts_the_projects_aliases_on_it()
    {
        var testbed = new ElasticsearchTestbed().WithoutIndexes()
            .OnCreateIndex(Ok(ElasticsearchResponses.IndexCreated(SpaceIndex)))
            .OnAliases(Ok(ElasticsearchResponses.Acknowledged()))
            .OnBulk(Ok(ElasticsearchResponses.BulkSucceeded(SpaceIndex, "x")));

        await testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1")], CancellationToken.None);

        testbed.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            $"GET /{WriteAlias}/_mapping", $"GET /{ProjectAlias}/_mapping", $"GET /{TenantAlias}/_mapping", $"GET /{SpaceIndex}/_mapping",
            $"PUT /{SpaceIndex}", "POST /_aliases", $"POST /{WriteAlias}/_bulk");
        var create = testbed.Requests[4];
        create.Path.Should().Be($"/cleanrag-chunks-{TenantId:N}-test-embedder-3");
        ShouldBeJson(create.Json, """
            {
              "mappings": {
                "dynamic": "strict",
                "_meta": { "layout_version": 2, "embedding_space": { "model_id": "test-embedder", "dimensions": 3 } },
                "properties": {
                  "text": { "type": "text", "analyzer": "english" },
                  "title": { "type": "text", "analyzer": "english" },
                  "tenant_id": { "type": "keyword" },
                  "project_id": { "type": "keyword" },
                  "document_id": { "type": "keyword" },
                  "chunk_id": { "type": "keyword" },
                  "document_version": { "type": "integer" },
                  "document_title": { "type": "keyword", "index": false, "doc_values": false },
                  "heading_path": { "type": "keyword", "index": false, "doc_values": false },
                  "page_start": { "type": "integer", "index": false },
                  "page_end": { "type": "integer", "index": false },
                  "char_start": { "type": "integer", "index": false },
                  "char_end": { "type": "integer", "index": false },
                  "page_breaks": { "type": "keyword", "index": false, "doc_values": false },
                  "embedding": {
                    "type": "dense_vector", "dims": 3, "similarity": "cosine", "index": true,
                    "index_options": { "type": "int8_hnsw", "m": 16, "ef_construction": 100 }
                  }
                }
              }
            }
            """);
        // The project's aliases carry its filter: even a query without it reads only this project's chunks. The write alias
        // is its index's write index, so no request can give it a second one.
        ShouldBeJson(testbed.Requests[5].Json, $$"""
            { "actions": [
                { "add": { "index": "{{SpaceIndex}}", "alias": "{{ProjectAlias}}", "filter": { "bool": { "filter": [
                    { "term": { "tenant_id": { "value": "{{Scope.TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ] } } } },
                { "add": { "index": "{{SpaceIndex}}", "alias": "{{WriteAlias}}", "is_write_index": true, "filter": { "bool": { "filter": [
                    { "term": { "tenant_id": { "value": "{{Scope.TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ] } } } } ] }
            """);
    }

    [Test]
    public void An_index_is_named_after_its_embedding_space_and_a_model_id_changed_to_fit_keeps_a_hash_of_the_exact_one()
    {
        var layout = new ChunkIndexLayout("cleanrag-chunks");

        layout.SpaceIndexName(TenantId, new EmbeddingSpace("cleanrag-hashing-v1-384", 384))
            .Should().Be($"cleanrag-chunks-{TenantId:N}-cleanrag-hashing-v1-384-384");
        var upper = layout.SpaceIndexName(TenantId, new EmbeddingSpace("BAAI/bge-small", 384));
        var lower = layout.SpaceIndexName(TenantId, new EmbeddingSpace("baai-bge-small", 384));
        upper.Should().MatchRegex($"^cleanrag-chunks-{TenantId:N}-baai-bge-small-[0-9a-f]{{8}}-384$");
        lower.Should().Be($"cleanrag-chunks-{TenantId:N}-baai-bge-small-384");
        layout.SpaceIndexName(TenantId, new EmbeddingSpace(new string('m', 300), 8)).Length.Should().BeLessThan(255);
    }

    [Test]
    public async Task Chunks_are_sent_as_ndjson_index_actions_with_deterministic_ids_and_a_trailing_newline()
    {
        var testbed = new ElasticsearchTestbed().WithExistingIndex().OnBulk(Ok(ElasticsearchResponses.BulkSucceeded(SpaceIndex, "a", "b")));
        var first = Chunk("c1", vector: [0.5f, 0.25f, -1f]);
        var second = Chunk("c2") with { HeadingPath = null, PageStart = null, PageEnd = null };

        await testbed.SearchIndex.UpsertAsync(Scope, Space, [first, second], CancellationToken.None);
        await testbed.SearchIndex.UpsertAsync(Scope, Space, [first], CancellationToken.None);

        var bulks = testbed.Requests.Where(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)).ToList();
        // require_alias: a write through an alias that has gone never auto-creates an index of that name.
        bulks[0].Query.Should().Be("refresh=wait_for&require_alias=true");
        bulks[0].ContentType.Should().Be("application/x-ndjson");
        bulks[0].Body.Should().EndWith("}\n");
        var lines = bulks[0].Body.TrimEnd('\n').Split('\n').Select(line => JsonNode.Parse(line)).ToList();
        lines.Should().HaveCount(4);

        var firstId = ChunkIndexLayout.DocumentId(Scope, "c1");
        ShouldBeJson(lines[0], $$"""{ "index": { "_id": "{{firstId}}" } }""");
        ShouldBeJson(lines[1], $$"""
            {
              "tenant_id": "{{Scope.TenantId}}", "project_id": "{{Scope.ProjectId}}",
              "document_id": "9b2d6f1e-3c4a-4e8b-9d7f-1a2b3c4d5e6f", "chunk_id": "c1", "document_version": 1,
              "title": "Refund policy", "document_title": "Refund policy", "text": "Text of c1",
              "heading_path": "Policies > Refunds", "page_start": 2, "page_end": 3, "char_start": 100, "char_end": 250,
              "embedding": [0.5, 0.25, -1]
            }
            """);
        ShouldBeJson(lines[2], $$"""{ "index": { "_id": "{{ChunkIndexLayout.DocumentId(Scope, "c2")}}" } }""");
        lines[3]!.AsObject().Should().NotContainKeys("heading_path", "page_start", "page_end");

        // Indexing the same chunk again targets the same _id, so Elasticsearch replaces it.
        JsonNode.Parse(bulks[1].Body.Split('\n')[0])!["index"]!["_id"]!.GetValue<string>().Should().Be(firstId);
    }

    [Test]
    public async Task A_chunks_page_breaks_are_stored_with_it_for_the_page_a_citation_names()
    {
        var testbed = new ElasticsearchTestbed().WithExistingIndex().OnBulk(Ok(ElasticsearchResponses.BulkSucceeded(SpaceIndex, "a")));

        await testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1") with { PageBreaks = [new(40, 3)] }], CancellationToken.None);

        var bulk = testbed.Requests.Single(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal));
        JsonNode.Parse(bulk.Body.Split('\n')[1])!["page_breaks"]!.GetValue<string>().Should().Be("40:3");
    }

    [Test]
    public async Task An_index_created_before_page_breaks_were_kept_gets_the_field_in_place_before_chunks_carrying_it_are_sent()
    {
        var testbed = new ElasticsearchTestbed()
            .OnWriteMapping(Ok(ElasticsearchResponses.MappingWithoutPageBreaks(LegacyIndex, Space.ModelId, Space.Dimensions)))
            .OnPutMapping(Ok(ElasticsearchResponses.Acknowledged()))
            .OnBulk(Ok(ElasticsearchResponses.BulkSucceeded(LegacyIndex, "a")));

        await testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1") with { PageBreaks = [new(40, 3)] }], CancellationToken.None);

        testbed.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            $"GET /{WriteAlias}/_mapping", $"PUT /{LegacyIndex}/_mapping", $"POST /{WriteAlias}/_bulk");
        ShouldBeJson(testbed.Requests[1].Json, """{ "properties": { "page_breaks": { "type": "keyword", "index": false, "doc_values": false } } }""");
    }

    [Test]
    public async Task A_project_of_an_index_created_before_project_aliases_gets_its_aliases_there_when_it_holds_chunks_there()
    {
        var testbed = new ElasticsearchTestbed()
            .OnMapping(NotFound(ProjectAlias))
            .OnTenantMapping(Ok(ElasticsearchResponses.Mapping(LegacyIndex, Space.ModelId, Space.Dimensions)))
            .OnAliases(Ok(ElasticsearchResponses.Acknowledged()));
        testbed.Es.On(r => r.Path == $"/{LegacyIndex}/_count", Ok("""{"count":12,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""));

        (await testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().Be(Space);

        testbed.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            $"GET /{ProjectAlias}/_mapping", $"GET /{TenantAlias}/_mapping", $"POST /{LegacyIndex}/_count", "POST /_aliases");
        ShouldBeJson(testbed.Requests[2].Json, $$"""
            { "query": { "bool": { "filter": [
                { "term": { "tenant_id": { "value": "{{Scope.TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ] } } }
            """);
        testbed.Requests[3].Json["actions"]!.AsArray().Select(a => (a!["add"]!["index"]!.GetValue<string>(), a["add"]!["alias"]!.GetValue<string>()))
            .Should().Equal((LegacyIndex, ProjectAlias), (LegacyIndex, WriteAlias));
    }

    [Test]
    public async Task A_new_project_of_a_tenant_with_an_index_created_before_project_aliases_holds_no_space_until_its_first_upsert()
    {
        var testbed = new ElasticsearchTestbed()
            .OnMapping(NotFound(ProjectAlias))
            .OnTenantMapping(Ok(ElasticsearchResponses.Mapping(LegacyIndex, "older-embedder", 3)));
        testbed.Es.On(r => r.Path == $"/{LegacyIndex}/_count", Ok("""{"count":0,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""));

        (await testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().BeNull("it is indexed in the configured model's space");

        testbed.Requests.Should().NotContain(r => r.Path == "/_aliases");
    }

    [Test]
    public void The_same_chunk_id_in_another_project_or_tenant_gets_another_document_id()
    {
        var id = ChunkIndexLayout.DocumentId(Scope, "c1");

        ChunkIndexLayout.DocumentId(Scope with { ProjectId = Guid.NewGuid() }, "c1").Should().NotBe(id);
        ChunkIndexLayout.DocumentId(Scope with { TenantId = Guid.NewGuid() }, "c1").Should().NotBe(id);
        ChunkIndexLayout.DocumentId(Scope, "c1").Should().Be(id);
    }

    [Test]
    public async Task An_index_created_concurrently_by_another_writer_is_used()
    {
        var testbed = new ElasticsearchTestbed().WithoutIndexes()
            .OnCreateIndex(Status(HttpStatusCode.BadRequest, ElasticsearchResponses.IndexAlreadyExists(SpaceIndex)))
            .OnAliases(Ok(ElasticsearchResponses.Acknowledged()))
            .OnBulk(Ok(ElasticsearchResponses.BulkSucceeded(SpaceIndex, "x")));

        await testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1")], CancellationToken.None);

        testbed.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            $"GET /{WriteAlias}/_mapping", $"GET /{ProjectAlias}/_mapping", $"GET /{TenantAlias}/_mapping", $"GET /{SpaceIndex}/_mapping",
            $"PUT /{SpaceIndex}", "POST /_aliases", $"POST /{WriteAlias}/_bulk");
    }

    [Test]
    public async Task Upserting_vectors_of_another_embedding_space_throws_and_indexes_nothing()
    {
        var testbed = new ElasticsearchTestbed().WithExistingIndex(new EmbeddingSpace("older-embedder", 3));

        var upsert = () => testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1")], CancellationToken.None);

        var thrown = await upsert.Should().ThrowAsync<EmbeddingSpaceMismatchException>();
        thrown.Which.Indexed.Should().Be(new EmbeddingSpace("older-embedder", 3));
        thrown.Which.Offered.Should().Be(Space);
        testbed.Requests.Should().NotContain(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_vector_whose_length_is_not_the_space_dimension_is_refused_before_anything_is_sent()
    {
        var testbed = new ElasticsearchTestbed();

        var upsert = () => testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1", vector: [1f, 0f])], CancellationToken.None);

        await upsert.Should().ThrowAsync<ArgumentException>().WithMessage("*2-dim*");
        testbed.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task A_failed_bulk_item_raises_with_its_id_and_reason_although_the_bulk_answered_200()
    {
        var failedId = ChunkIndexLayout.DocumentId(Scope, "c2");
        var testbed = new ElasticsearchTestbed().WithExistingIndex()
            .OnBulk(Ok(ElasticsearchResponses.BulkWithItemError(SpaceIndex, ChunkIndexLayout.DocumentId(Scope, "c1"), failedId)));

        var upsert = () => testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1"), Chunk("c2")], CancellationToken.None);

        var thrown = await upsert.Should().ThrowAsync<ElasticsearchBulkException>()
            .WithMessage("*1 of 2 bulk items failed*(400)*dims*");
        thrown.Which.ErrorType.Should().Be("document_parsing_exception");
        thrown.Which.FailedIds.Should().Equal(failedId);
    }

    [Test]
    public async Task The_embedding_space_is_read_from_the_mapping_meta_and_is_null_without_an_index()
    {
        var indexed = new ElasticsearchTestbed().WithExistingIndex(new EmbeddingSpace("bge-small", 384));
        var missing = new ElasticsearchTestbed().WithoutIndexes();

        (await indexed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None))
            .Should().Be(new EmbeddingSpace("bge-small", 384));
        (await missing.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None)).Should().BeNull();
    }
}
