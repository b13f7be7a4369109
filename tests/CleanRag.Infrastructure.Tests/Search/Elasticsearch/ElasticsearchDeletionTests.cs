using System.Net;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using static CleanRag.Infrastructure.Tests.Search.Elasticsearch.ElasticsearchTestbed;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

public class ElasticsearchDeletionTests
{
    private static readonly Guid DocumentId = Guid.Parse("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    // The official client writes every term query in its long form, { "term": { field: { "value": … } } }.
    private static string ScopeFilters => $$"""
        { "term": { "tenant_id": { "value": "{{Scope.TenantId}}" } } }, { "term": { "project_id": { "value": "{{Scope.ProjectId}}" } } }
        """;

    [Test]
    public async Task Deleting_all_versions_of_a_document_deletes_by_query_within_tenant_and_project_through_its_write_alias()
    {
        var request = await DeleteDocument(VersionSelector.All);

        request.Path.Should().Be($"/{WriteAlias}/_delete_by_query");
        request.Query.Should().Be("refresh=true&conflicts=proceed");
        ShouldBeJson(request.Json, $$"""
            { "query": { "bool": { "filter": [ {{ScopeFilters}}, { "term": { "document_id": { "value": "{{DocumentId}}" } } } ] } } }
            """);
    }

    [Test]
    public async Task Deleting_one_version_of_a_document_filters_on_that_version()
    {
        var request = await DeleteDocument(new VersionSelector(Only: 3));

        ShouldBeJson(request.Json, $$"""
            { "query": { "bool": { "filter": [ {{ScopeFilters}}, { "term": { "document_id": { "value": "{{DocumentId}}" } } },
                                               { "term": { "document_version": { "value": 3 } } } ] } } }
            """);
    }

    [Test]
    public async Task Deleting_all_versions_but_one_excludes_the_kept_version()
    {
        var request = await DeleteDocument(new VersionSelector(AllExcept: 4));

        ShouldBeJson(request.Json, $$"""
            { "query": { "bool": {
                "filter": [ {{ScopeFilters}}, { "term": { "document_id": { "value": "{{DocumentId}}" } } } ],
                "must_not": { "term": { "document_version": { "value": 4 } } } } } }
            """);
    }

    [Test]
    public async Task Deleting_a_project_deletes_only_what_matches_its_tenant_and_project()
    {
        var testbed = new ElasticsearchTestbed().OnDeleteByQuery(Ok(ElasticsearchResponses.DeletedByQuery(12))).OnStagedMapping(NotFound(StagedAlias));

        await testbed.SearchIndex.DeleteProjectAsync(Scope, CancellationToken.None);

        testbed.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal($"POST /{WriteAlias}/_delete_by_query", $"GET /{StagedAlias}/_mapping");
        ShouldBeJson(testbed.Requests[0].Json, $$"""{ "query": { "bool": { "filter": [ {{ScopeFilters}} ] } } }""");
    }

    [Test]
    public async Task Deleting_from_a_tenant_without_an_index_is_a_no_op()
    {
        var testbed = new ElasticsearchTestbed().WithoutIndexes()
            .OnDeleteByQuery(Status(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(ProjectAlias)));

        var delete = () => testbed.SearchIndex.DeleteProjectAsync(Scope, CancellationToken.None);

        await delete.Should().NotThrowAsync();
    }

    [Test]
    public async Task Failures_reported_by_delete_by_query_raise()
    {
        var testbed = new ElasticsearchTestbed().OnDeleteByQuery(Ok("""
            {"took":12,"timed_out":false,"total":3,"deleted":2,"batches":1,"version_conflicts":0,"noops":0,
             "retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,
             "failures":[{"index":"x","id":"y","cause":{"type":"es_rejected_execution_exception","reason":"rejected"},"status":429}]}
            """));

        var delete = () => testbed.SearchIndex.DeleteProjectAsync(Scope, CancellationToken.None);

        await delete.Should().ThrowAsync<ElasticsearchException>().WithMessage("*1 failure(s) after deleting 2*");
    }

    private static async Task<RecordedRequest> DeleteDocument(VersionSelector versions)
    {
        var testbed = new ElasticsearchTestbed().OnDeleteByQuery(Ok(ElasticsearchResponses.DeletedByQuery(3)));
        await testbed.SearchIndex.DeleteDocumentAsync(Scope, DocumentId, versions, CancellationToken.None);
        return testbed.Requests.Single();
    }
}
