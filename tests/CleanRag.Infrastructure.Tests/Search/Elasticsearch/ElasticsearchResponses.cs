using System.Text.Json.Nodes;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

/// <summary>Response bodies shaped as the Elasticsearch REST documentation shows them (8.x/9.x).</summary>
public static class ElasticsearchResponses
{
    public static string IndexCreated(string index) =>
        $$"""{"acknowledged":true,"shards_acknowledged":true,"index":"{{index}}"}""";

    public static string IndexAlreadyExists(string index) => $$"""
        {"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [{{index}}/Xz1pQ9nTQ8KmS2cY5l0w4A] already exists","index_uuid":"Xz1pQ9nTQ8KmS2cY5l0w4A","index":"{{index}}"}],
         "type":"resource_already_exists_exception","reason":"index [{{index}}/Xz1pQ9nTQ8KmS2cY5l0w4A] already exists","index_uuid":"Xz1pQ9nTQ8KmS2cY5l0w4A","index":"{{index}}"},
         "status":400}
        """;

    public static string IndexNotFound(string target) => $$"""
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [{{target}}]","resource.type":"index_or_alias","resource.id":"{{target}}","index_uuid":"_na_","index":"{{target}}"}],
         "type":"index_not_found_exception","reason":"no such index [{{target}}]","resource.type":"index_or_alias","resource.id":"{{target}}","index_uuid":"_na_","index":"{{target}}"},
         "status":404}
        """;

    public static string Mapping(string index, string modelId, int dimensions) => $$$"""
        {"{{{index}}}":{"mappings":{
          "dynamic":"strict",
          "_meta":{"layout_version":1,"embedding_space":{"model_id":"{{{modelId}}}","dimensions":{{{dimensions}}}}},
          "properties":{"text":{"type":"text","analyzer":"english"},
                        "page_breaks":{"type":"keyword","index":false,"doc_values":false},
                        "embedding":{"type":"dense_vector","dims":{{{dimensions}}},"index":true,"similarity":"cosine",
                                     "index_options":{"type":"int8_hnsw","m":16,"ef_construction":100} } } } } }
        """;

    /// <summary>The mapping of an index created before chunks kept their page breaks.</summary>
    public static string MappingWithoutPageBreaks(string index, string modelId, int dimensions) => $$$"""
        {"{{{index}}}":{"mappings":{
          "dynamic":"strict",
          "_meta":{"layout_version":1,"embedding_space":{"model_id":"{{{modelId}}}","dimensions":{{{dimensions}}}}},
          "properties":{"text":{"type":"text","analyzer":"english"},
                        "embedding":{"type":"dense_vector","dims":{{{dimensions}}},"index":true,"similarity":"cosine",
                                     "index_options":{"type":"int8_hnsw","m":16,"ef_construction":100} } } } } }
        """;

    public static string Acknowledged() => """{"acknowledged":true}""";

    public static string BulkSucceeded(string index, params string[] ids) =>
        new JsonObject
        {
            ["took"] = 30,
            ["errors"] = false,
            ["items"] = new JsonArray(ids.Select(id => (JsonNode)new JsonObject
            {
                ["index"] = new JsonObject
                {
                    ["_index"] = index, ["_id"] = id, ["_version"] = 1, ["result"] = "created",
                    ["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 },
                    ["status"] = 201, ["_seq_no"] = 0, ["_primary_term"] = 1,
                },
            }).ToArray()),
        }.ToJsonString();

    public static string BulkWithItemError(string index, string okId, string failedId) => $$$"""
        {"took":486,"errors":true,"items":[
          {"index":{"_index":"{{{index}}}","_id":"{{{okId}}}","_version":1,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"status":201,"_seq_no":0,"_primary_term":1}},
          {"index":{"_index":"{{{index}}}","_id":"{{{failedId}}}","status":400,
                    "error":{"type":"document_parsing_exception","reason":"[1:142] failed to parse: The [dims] property of field [embedding] must be 3"} } }]}
        """;

    public static string Hits(string index, params (string Id, double Score, JsonObject Source)[] hits) =>
        new JsonObject
        {
            ["took"] = 5,
            ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = hits.Length, ["relation"] = "eq" },
                ["max_score"] = hits.Length == 0 ? null : hits.Max(h => h.Score),
                ["hits"] = new JsonArray(hits.Select(h => (JsonNode)new JsonObject
                {
                    ["_index"] = index, ["_id"] = h.Id, ["_score"] = h.Score, ["_source"] = h.Source.DeepClone(),
                }).ToArray()),
            },
        }.ToJsonString();

    public static string DeletedByQuery(int deleted) => $$"""
        {"took":147,"timed_out":false,"total":{{deleted}},"deleted":{{deleted}},"batches":1,"version_conflicts":0,"noops":0,
         "retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}
        """;

    public static string TooManyRequests() => """
        {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}],
         "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}
        """;

    public static string MapperParsing() => """
        {"error":{"root_cause":[{"type":"mapper_parsing_exception","reason":"failed to parse mapping"}],
         "type":"mapper_parsing_exception","reason":"failed to parse mapping"},"status":400}
        """;
}
