using System.Net;
using CleanRag.Application.Search;
using static CleanRag.Infrastructure.Tests.Search.Elasticsearch.ElasticsearchTestbed;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

public class ElasticsearchSearchTests
{
    private static readonly float[] QueryVector = [0.5f, -0.25f, 1f];

    [Test]
    public async Task A_hybrid_query_sends_a_bm25_and_a_knn_request_each_filtered_by_tenant_and_project()
    {
        var testbed = new ElasticsearchTestbed()
            .OnLexicalSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex)))
            .OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex)));

        await testbed.SearchIndex.SearchAsync(
            new HybridQuery(Scope, "refund window", QueryVector, K: 5, new FusionOptions(WindowPerSignal: 80)), CancellationToken.None);

        var scopeFilters = $$"""
            [ { "term": { "tenant_id": { "value": "{{Scope.TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } } ]
            """;
        var lexical = testbed.Requests.Single(r => !r.IsKnn);
        lexical.Path.Should().Be($"/{ProjectAlias}/_search");
        ShouldBeJson(lexical.Json, $$"""
            {
              "size": 80,
              "_source": { "excludes": "embedding" },
              "query": { "bool": {
                "filter": {{scopeFilters}},
                "should": [
                  { "match": { "text": { "query": "refund window" } } },
                  { "match": { "text": { "query": "refund window", "fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 3, "boost": 0.5 } } },
                  { "match": { "title": { "query": "refund window", "boost": 2 } } }
                ],
                "minimum_should_match": 1
              } }
            }
            """);

        var knn = testbed.Requests.Single(r => r.IsKnn);
        knn.Path.Should().Be($"/{ProjectAlias}/_search");
        ShouldBeJson(knn.Json, $$"""
            {
              "size": 80,
              "_source": { "excludes": "embedding" },
              "knn": {
                "field": "embedding",
                "query_vector": [0.5, -0.25, 1],
                "k": 80,
                "num_candidates": 120,
                "filter": { "bool": { "filter": {{scopeFilters}} } }
              }
            }
            """);
        knn.Json["knn"]!["num_candidates"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo((int)Math.Ceiling(1.5 * 80));
    }

    [Test]
    public async Task A_small_window_still_asks_knn_for_at_least_one_hundred_candidates()
    {
        var testbed = new ElasticsearchTestbed().OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex)));

        await testbed.SearchIndex.SearchAsync(
            new HybridQuery(Scope, "", QueryVector, K: 3, new FusionOptions(WindowPerSignal: 10)), CancellationToken.None);

        var knn = testbed.Requests.Single().Json["knn"]!;
        knn["k"]!.GetValue<int>().Should().Be(10);
        knn["num_candidates"]!.GetValue<int>().Should().Be(100);
    }

    [Test]
    public async Task Both_signals_are_fused_and_mapped_back_to_chunks_with_their_rank_in_each_signal()
    {
        var testbed = new ElasticsearchTestbed()
            .OnLexicalSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("id-a", 7.5, Source("a")), ("id-b", 3.25, Source("b")))))
            .OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("id-b", 0.97, Source("b")), ("id-c", 0.91, Source("c")))));

        var hits = await testbed.SearchIndex.SearchAsync(new HybridQuery(Scope, "refund", QueryVector, K: 10), CancellationToken.None);

        // RRF with k = 60: b = 1/62 + 1/61 leads, then a = 1/61, then c = 1/62.
        hits.Select(h => h.Chunk.ChunkId).Should().Equal("b", "a", "c");
        hits[0].Lexical.Should().Be(new SignalScore(2, 3.25));
        // Elasticsearch scores cosine kNN as (1 + cos) / 2; the vector signal is the cosine itself, as in the embedded engine.
        hits[0].Vector!.Rank.Should().Be(1);
        hits[0].Vector!.Score.Should().BeApproximately(0.94, 1e-9);
        hits[0].Score.Should().BeApproximately(1.0 / 62 + 1.0 / 61, 1e-12);
        hits[1].Lexical.Should().Be(new SignalScore(1, 7.5));
        hits[1].Vector.Should().BeNull();
        hits[2].Lexical.Should().BeNull();
        hits[2].Vector!.Rank.Should().Be(2);
        hits[2].Vector!.Score.Should().BeApproximately(0.82, 1e-9);

        var chunk = hits[0].Chunk;
        chunk.Should().BeEquivalentTo(new
        {
            ChunkId = "b",
            DocumentId = Guid.Parse("9b2d6f1e-3c4a-4e8b-9d7f-1a2b3c4d5e6f"),
            DocumentVersion = 4,
            DocumentTitle = "Refund policy",
            Text = "Text of b",
            HeadingPath = "Policies > Refunds",
            PageStart = 2,
            PageEnd = 3,
            CharStart = 100,
            CharEnd = 250,
        });
        chunk.Vector.IsEmpty.Should().BeTrue("the search leaves vectors out of _source");
    }

    [Test]
    public async Task The_fused_list_is_cut_to_k()
    {
        var testbed = new ElasticsearchTestbed()
            .OnLexicalSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("1", 3, Source("a")), ("2", 2, Source("b")))))
            .OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("3", 0.9, Source("c")), ("4", 0.8, Source("d")))));

        var hits = await testbed.SearchIndex.SearchAsync(new HybridQuery(Scope, "refund", QueryVector, K: 3), CancellationToken.None);

        hits.Should().HaveCount(3);
    }

    [Test]
    public async Task A_query_without_text_sends_only_the_knn_request()
    {
        var testbed = new ElasticsearchTestbed().OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("id-c", 0.9, Source("c")))));

        var hits = await testbed.SearchIndex.SearchAsync(new HybridQuery(Scope, "  ", QueryVector, K: 5), CancellationToken.None);

        testbed.Requests.Should().ContainSingle().Which.IsKnn.Should().BeTrue();
        hits.Should().ContainSingle().Which.Vector!.Score.Should().BeApproximately(0.8, 1e-9, "(1 + cos) / 2 = 0.9 is a cosine of 0.8");
    }

    [Test]
    public async Task A_hit_carries_its_page_breaks_and_one_indexed_before_they_were_kept_has_none()
    {
        var withBreaks = Source("a");
        withBreaks["page_breaks"] = "40:3;90:4";
        var testbed = new ElasticsearchTestbed().OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("id-a", 0.9, withBreaks), ("id-b", 0.8, Source("b")))));

        var hits = await testbed.SearchIndex.SearchAsync(new HybridQuery(Scope, "", QueryVector, K: 5), CancellationToken.None);

        hits.Single(h => h.Chunk.ChunkId == "a").Chunk.PageBreaks.Should().Equal(new PageBreak(40, 3), new PageBreak(90, 4));
        hits.Single(h => h.Chunk.ChunkId == "a").Chunk.PageAt(60).Should().Be(3);
        hits.Single(h => h.Chunk.ChunkId == "b").Chunk.PageBreaks.Should().BeNull();
    }

    [Test]
    public async Task A_query_without_a_vector_sends_only_the_bm25_request()
    {
        var testbed = new ElasticsearchTestbed().OnLexicalSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex, ("id-a", 4.0, Source("a")))));

        var hits = await testbed.SearchIndex.SearchAsync(
            new HybridQuery(Scope, "refund", ReadOnlyMemory<float>.Empty, K: 5), CancellationToken.None);

        testbed.Requests.Should().ContainSingle().Which.IsKnn.Should().BeFalse();
        hits.Should().ContainSingle().Which.Lexical.Should().Be(new SignalScore(1, 4.0));
    }

    [Test]
    public async Task Document_ids_narrow_both_requests_inside_the_engine()
    {
        var documentIds = new[] { Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001"), Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002") };
        var testbed = new ElasticsearchTestbed()
            .OnLexicalSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex)))
            .OnKnnSearch(Ok(ElasticsearchResponses.Hits(SpaceIndex)));

        await testbed.SearchIndex.SearchAsync(
            new HybridQuery(Scope, "refund", QueryVector, K: 5, DocumentIds: documentIds), CancellationToken.None);

        var expected = $$"""
            [ { "term": { "tenant_id": { "value": "{{Scope.TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } },
              { "terms": { "document_id": [ "{{documentIds[0]}}", "{{documentIds[1]}}" ] } } ]
            """;
        ShouldBeJson(testbed.Requests.Single(r => !r.IsKnn).Json["query"]!["bool"]!["filter"], expected);
        ShouldBeJson(testbed.Requests.Single(r => r.IsKnn).Json["knn"]!["filter"]!["bool"]!["filter"], expected);
    }

    [Test]
    public async Task An_empty_document_list_or_an_empty_query_returns_nothing_without_asking_the_engine()
    {
        var testbed = new ElasticsearchTestbed();

        var narrowedToNothing = await testbed.SearchIndex.SearchAsync(
            new HybridQuery(Scope, "refund", QueryVector, K: 5, DocumentIds: []), CancellationToken.None);
        var emptyQuery = await testbed.SearchIndex.SearchAsync(
            new HybridQuery(Scope, "", ReadOnlyMemory<float>.Empty, K: 5), CancellationToken.None);

        narrowedToNothing.Should().BeEmpty();
        emptyQuery.Should().BeEmpty();
        testbed.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Searching_a_tenant_that_has_no_index_yet_finds_nothing()
    {
        var testbed = new ElasticsearchTestbed().WithoutIndexes()
            .OnLexicalSearch(Status(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(ProjectAlias)))
            .OnKnnSearch(Status(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(ProjectAlias)));

        var hits = await testbed.SearchIndex.SearchAsync(new HybridQuery(Scope, "refund", QueryVector, K: 5), CancellationToken.None);

        hits.Should().BeEmpty();
    }

    [Test]
    public async Task A_query_from_another_tenant_goes_to_that_projects_alias_with_its_own_filters()
    {
        var otherScope = new ProjectScope(Guid.Parse("22222222-2222-2222-2222-222222222222"), Guid.Parse("33333333-3333-3333-3333-333333333333"));
        var testbed = new ElasticsearchTestbed();
        testbed.Es.On(_ => true, Ok(ElasticsearchResponses.Hits("other")));

        await testbed.SearchIndex.SearchAsync(new HybridQuery(otherScope, "refund", QueryVector, K: 5), CancellationToken.None);

        testbed.Requests.Should().HaveCount(2).And.OnlyContain(r =>
            r.Path == $"/cleanrag-chunks-{otherScope.TenantId:N}-{otherScope.ProjectId:N}/_search"
            && r.Body.Contains($"\"project_id\":{{\"value\":\"{otherScope.ProjectId}\"}}", StringComparison.Ordinal)
            && !r.Body.Contains(Scope.ProjectId.ToString(), StringComparison.Ordinal));
    }
}
