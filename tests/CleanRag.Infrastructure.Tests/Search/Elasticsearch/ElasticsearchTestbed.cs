using System.Net;
using System.Text.Json.Nodes;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Options;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

/// <summary>An <see cref="ElasticsearchSearchIndex"/> on the official client, wired to a recording fake node, and the names it should use.</summary>
internal sealed class ElasticsearchTestbed
{
    public static readonly Guid TenantId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly ProjectScope Scope = new(TenantId, Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    public static readonly EmbeddingSpace Space = new("test-embedder", 3);
    /// <summary>Layout 1: the tenant's index shared by all its projects, behind the tenant alias.</summary>
    public static readonly string TenantAlias = $"cleanrag-chunks-{TenantId:N}";
    public static readonly string LegacyIndex = $"{TenantAlias}-v1";
    /// <summary>What every read and write of <see cref="Scope"/> goes through.</summary>
    public static readonly string ProjectAlias = $"cleanrag-chunks-{TenantId:N}-{Scope.ProjectId:N}";
    public static readonly string StagedAlias = $"{ProjectAlias}-staged";
    /// <summary>What every upsert and delete of <see cref="Scope"/> goes through; removed while a promotion holds its writes.</summary>
    public static readonly string WriteAlias = $"{ProjectAlias}-write";
    /// <summary>On the live index in place of <see cref="WriteAlias"/> while a promotion holds the project's writes.</summary>
    public static readonly string FenceAlias = $"{ProjectAlias}-fenced";
    /// <summary>The tenant's index of <see cref="Space"/>, named after the space.</summary>
    public static readonly string SpaceIndex = $"cleanrag-chunks-{TenantId:N}-test-embedder-3";

    public ElasticsearchTestbed(int maxRetryAttempts = 3, TimeSpan? requestTimeout = null, Action<ElasticsearchOptions>? configure = null)
    {
        var options = new ElasticsearchOptions
        {
            Url = new Uri("http://elasticsearch.test:9200"),
            MaxRetryAttempts = maxRetryAttempts,
            RetryBaseDelay = TimeSpan.Zero,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
            NumCandidatesFactor = 1.5,
        };
        configure?.Invoke(options);
        SearchIndex = new ElasticsearchSearchIndex(
            new ElasticsearchClient(ElasticsearchConfiguration.CreateClientSettings(options, network: Es)), Options.Create(options));
    }

    public RecordingElasticsearchHandler Es { get; } = new();

    public ElasticsearchSearchIndex SearchIndex { get; }

    public IReadOnlyList<RecordedRequest> Requests => Es.Requests;

    /// <summary>The mapping of the project's alias (its live index).</summary>
    public ElasticsearchTestbed OnMapping(params Responder[] replies) => On(HttpMethod.Get, $"/{ProjectAlias}/_mapping", replies);

    /// <summary>The mapping of the project's write alias (its live index, looked up before an upsert).</summary>
    public ElasticsearchTestbed OnWriteMapping(params Responder[] replies) => On(HttpMethod.Get, $"/{WriteAlias}/_mapping", replies);

    /// <summary>The mapping of a layout-1 tenant index, looked up when the project has no alias.</summary>
    public ElasticsearchTestbed OnTenantMapping(params Responder[] replies) => On(HttpMethod.Get, $"/{TenantAlias}/_mapping", replies);

    public ElasticsearchTestbed OnSpaceIndexMapping(params Responder[] replies) => On(HttpMethod.Get, $"/{SpaceIndex}/_mapping", replies);

    public ElasticsearchTestbed OnStagedMapping(params Responder[] replies) => On(HttpMethod.Get, $"/{StagedAlias}/_mapping", replies);

    /// <summary>No index at all: the project, tenant and space lookups all answer 404.</summary>
    public ElasticsearchTestbed WithoutIndexes() =>
        OnWriteMapping(NotFound(WriteAlias)).OnMapping(NotFound(ProjectAlias)).OnTenantMapping(NotFound(TenantAlias))
            .OnSpaceIndexMapping(NotFound(SpaceIndex)).OnStagedMapping(NotFound(StagedAlias));

    public ElasticsearchTestbed OnCreateIndex(params Responder[] replies) => On(HttpMethod.Put, $"/{SpaceIndex}", replies);

    public ElasticsearchTestbed OnAliases(params Responder[] replies) => On(HttpMethod.Post, "/_aliases", replies);

    public ElasticsearchTestbed OnPutMapping(params Responder[] replies)
    {
        Es.On(r => r.Method == HttpMethod.Put && r.Path.EndsWith("/_mapping", StringComparison.Ordinal), replies);
        return this;
    }

    public ElasticsearchTestbed OnBulk(params Responder[] replies) => On(HttpMethod.Post, $"/{WriteAlias}/_bulk", replies);

    public ElasticsearchTestbed OnLexicalSearch(params Responder[] replies)
    {
        Es.On(r => r.Method == HttpMethod.Post && r.Path == $"/{ProjectAlias}/_search" && !r.IsKnn, replies);
        return this;
    }

    public ElasticsearchTestbed OnKnnSearch(params Responder[] replies)
    {
        Es.On(r => r.Method == HttpMethod.Post && r.Path == $"/{ProjectAlias}/_search" && r.IsKnn, replies);
        return this;
    }

    public ElasticsearchTestbed OnDeleteByQuery(params Responder[] replies) => On(HttpMethod.Post, $"/{WriteAlias}/_delete_by_query", replies);

    /// <summary>The project's aliases are on <see cref="SpaceIndex"/>, of <paramref name="space"/>.</summary>
    public ElasticsearchTestbed WithExistingIndex(EmbeddingSpace? space = null)
    {
        var mapping = Ok(ElasticsearchResponses.Mapping(SpaceIndex, (space ?? Space).ModelId, (space ?? Space).Dimensions));
        return OnMapping(mapping).OnWriteMapping(mapping);
    }

    /// <summary>Every request answered by a stateful in-memory node (and still recorded).</summary>
    public ElasticsearchTestbed WithNode(FakeElasticsearchNode node)
    {
        Es.On(_ => true, node.Answer);
        return this;
    }

    private ElasticsearchTestbed On(HttpMethod method, string path, Responder[] replies)
    {
        Es.On(r => r.Method == method && r.Path == path, replies);
        return this;
    }

    public static Responder NotFound(string target) => Status(HttpStatusCode.NotFound, ElasticsearchResponses.IndexNotFound(target));

    public static Responder Ok(string json) => RecordingElasticsearchHandler.Reply(HttpStatusCode.OK, json);

    public static Responder Status(HttpStatusCode status, string json) => RecordingElasticsearchHandler.Reply(status, json);

    public static IndexedChunk Chunk(string chunkId, Guid? documentId = null, int version = 1, params float[] vector) => new(
        chunkId, documentId ?? Guid.Parse("9b2d6f1e-3c4a-4e8b-9d7f-1a2b3c4d5e6f"), version, "Refund policy",
        $"Text of {chunkId}", "Policies > Refunds", 2, 3, 100, 250, vector.Length == 0 ? new[] { 0.5f, 0.25f, -1f } : vector);

    /// <summary>A hit's _source as the index stores it (the vector excluded, as the search asks).</summary>
    public static JsonObject Source(string chunkId) => new()
    {
        ["tenant_id"] = Scope.TenantId.ToString(),
        ["project_id"] = Scope.ProjectId.ToString(),
        ["document_id"] = "9b2d6f1e-3c4a-4e8b-9d7f-1a2b3c4d5e6f",
        ["chunk_id"] = chunkId,
        ["document_version"] = 4,
        ["title"] = "Refund policy",
        ["document_title"] = "Refund policy",
        ["text"] = $"Text of {chunkId}",
        ["heading_path"] = "Policies > Refunds",
        ["page_start"] = 2,
        ["page_end"] = 3,
        ["char_start"] = 100,
        ["char_end"] = 250,
    };

    public static void ShouldBeJson(JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actual, expectedNode).Should().BeTrue(
            $"the JSON sent should be{Environment.NewLine}{expectedNode?.ToJsonString()}{Environment.NewLine}but was{Environment.NewLine}{actual?.ToJsonString()}");
    }
}
