using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Polly;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>
/// A small typed client over the Elasticsearch REST API: just the calls the search index needs.
/// The official .NET client is not obtainable in this build environment, so requests are written
/// from the documented REST shapes. Every call goes through the retry pipeline, with a fresh
/// request per attempt (an HttpRequestMessage cannot be sent twice).
/// </summary>
internal sealed class ElasticsearchClient(HttpClient http, ResiliencePipeline<HttpResponseMessage> resilience)
{
    private const string IndexNotFound = "index_not_found_exception";
    private const string ResourceAlreadyExists = "resource_already_exists_exception";

    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates an index; false when it already exists (another writer got there first).</summary>
    public async Task<bool> CreateIndexAsync(string index, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, Escape(index), JsonBody(body), cancellationToken);
        if (response.IsSuccessStatusCode)
            return true;
        var error = await ReadErrorAsync(response, cancellationToken);
        return error.ErrorType == ResourceAlreadyExists ? false : throw error;
    }

    /// <summary>The <c>_meta</c> of the mapping of the index behind <paramref name="target"/>; null when there is no such index.</summary>
    public async Task<IndexMapping?> GetMappingAsync(string target, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Escape(target)}/_mapping", null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            return error.ErrorType == IndexNotFound ? null : throw error;
        }

        // The answer is keyed by the concrete index name, even when asked through an alias.
        var body = await ReadJsonAsync(response, cancellationToken);
        var (indexName, index) = body.AsObject().Single();
        return new IndexMapping(indexName, index?["mappings"]?["_meta"] as JsonObject);
    }

    /// <summary>Indexes (creates or replaces) documents with <c>_bulk</c>; fails if any item failed.</summary>
    public async Task BulkIndexAsync(string target, IReadOnlyList<BulkIndexItem> items, CancellationToken cancellationToken)
    {
        var ndjson = new StringBuilder();
        foreach (var item in items)
        {
            ndjson.Append(new JsonObject { ["index"] = new JsonObject { ["_id"] = item.Id } }.ToJsonString()).Append('\n');
            ndjson.Append(item.Document.ToJsonString()).Append('\n');
        }

        // wait_for: the chunks are searchable when the call returns, without forcing an extra refresh.
        var content = new Payload(Encoding.UTF8.GetBytes(ndjson.ToString()), "application/x-ndjson");
        using var response = await SendAsync(HttpMethod.Post, $"{Escape(target)}/_bulk?refresh=wait_for", content, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);

        // A bulk request answers 200 even when items failed: the per-item results must be checked.
        var result = await ReadAsync<BulkResponse>(response, cancellationToken);
        if (!result.Errors)
            return;
        var failures = result.Items
            .Select(item => item.Values.First())
            .Where(outcome => outcome.Error is not null)
            .Select(outcome => new BulkItemFailure(outcome.Id, outcome.Status, ErrorType(outcome.Error!), ErrorReason(outcome.Error!)))
            .ToList();
        if (failures.Count == 0)
            throw new ElasticsearchException(HttpStatusCode.OK, "bulk_errors", "The bulk response says errors but lists no failed item.");
        throw new ElasticsearchBulkException(items.Count, failures);
    }

    /// <summary>Runs a search; no hits when the index does not exist yet.</summary>
    public async Task<IReadOnlyList<SearchResponseHit<TSource>>> SearchAsync<TSource>(
        string target, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{Escape(target)}/_search", JsonBody(body), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            return error.ErrorType == IndexNotFound ? [] : throw error;
        }

        var result = await ReadAsync<SearchResponse<TSource>>(response, cancellationToken);
        return result.Hits.Hits;
    }

    /// <summary>Deletes what <paramref name="query"/> matches and returns how many were deleted.</summary>
    public async Task<long> DeleteByQueryAsync(string target, JsonObject query, CancellationToken cancellationToken)
    {
        // conflicts=proceed: a chunk re-indexed while we delete is not a failure of the delete.
        using var response = await SendAsync(
            HttpMethod.Post, $"{Escape(target)}/_delete_by_query?refresh=true&conflicts=proceed",
            JsonBody(new JsonObject { ["query"] = query }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            return error.ErrorType == IndexNotFound ? 0 : throw error;
        }

        var result = await ReadAsync<DeleteByQueryResponse>(response, cancellationToken);
        if (result.Failures.Count > 0)
            throw new ElasticsearchException(HttpStatusCode.OK, "delete_by_query_failure",
                $"{result.Failures.Count} failure(s) after deleting {result.Deleted}: {result.Failures[0].ToJsonString()}");
        return result.Deleted;
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, Payload? payload, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async token =>
        {
            using var request = new HttpRequestMessage(method, pathAndQuery);
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload.Bytes);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(payload.MediaType);
            }
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
        }, cancellationToken);

    private static Payload JsonBody(JsonObject body) => new(Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");

    private static string Escape(string target) => Uri.EscapeDataString(target);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw await ReadErrorAsync(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(SerializerOptions, cancellationToken)
        ?? throw new ElasticsearchException(response.StatusCode, "empty_response", "Elasticsearch answered with an empty body.");

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken)
        ?? throw new ElasticsearchException(response.StatusCode, "empty_response", "Elasticsearch answered with an empty body.");

    /// <summary>Reads the documented error body: <c>{"error": {"type", "reason", ...}, "status"}</c>.</summary>
    private static async Task<ElasticsearchException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? error = null;
        try
        {
            error = JsonNode.Parse(text)?["error"];
        }
        catch (JsonException)
        {
            // A proxy in front of the cluster may answer with HTML or plain text.
        }
        return error is null
            ? new ElasticsearchException(response.StatusCode, null, text.Length > 500 ? text[..500] : text)
            : new ElasticsearchException(response.StatusCode, ErrorType(error), ErrorReason(error));
    }

    private static string? ErrorType(JsonNode error) => error is JsonObject ? (string?)error["type"] : null;

    private static string ErrorReason(JsonNode error) =>
        error is JsonObject ? (string?)error["reason"] ?? error.ToJsonString() : error.ToString();

    private sealed record Payload(byte[] Bytes, string MediaType);

    private sealed record BulkResponse(bool Errors, IReadOnlyList<Dictionary<string, BulkItemOutcome>> Items);

    private sealed record BulkItemOutcome(
        [property: JsonPropertyName("_id")] string? Id, int Status, JsonNode? Error);

    private sealed record SearchResponse<TSource>(SearchResponseHits<TSource> Hits);

    private sealed record SearchResponseHits<TSource>(IReadOnlyList<SearchResponseHit<TSource>> Hits);

    private sealed record DeleteByQueryResponse(long Deleted, IReadOnlyList<JsonNode> Failures);
}

internal sealed record IndexMapping(string IndexName, JsonObject? Meta);

internal sealed record BulkIndexItem(string Id, JsonObject Document);

internal sealed record SearchResponseHit<TSource>(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("_score")] double? Score,
    [property: JsonPropertyName("_source")] TSource Source);

internal sealed record BulkItemFailure(string? Id, int Status, string? ErrorType, string Reason);

/// <summary>Elasticsearch refused a request; <see cref="ErrorType"/> is its <c>error.type</c>.</summary>
public class ElasticsearchException(HttpStatusCode status, string? errorType, string reason)
    : Exception($"Elasticsearch answered {(int)status} {errorType}: {reason}")
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorType { get; } = errorType;
}

/// <summary>Some items of a bulk request failed; the others were indexed.</summary>
public sealed class ElasticsearchBulkException : ElasticsearchException
{
    internal ElasticsearchBulkException(int itemCount, IReadOnlyList<BulkItemFailure> failures)
        : base(HttpStatusCode.OK, failures[0].ErrorType, Describe(itemCount, failures)) =>
        FailedIds = failures.Select(f => f.Id ?? "").ToList();

    public IReadOnlyList<string> FailedIds { get; }

    private static string Describe(int itemCount, IReadOnlyList<BulkItemFailure> failures) =>
        $"{failures.Count} of {itemCount} bulk items failed; first: {failures[0].Id} ({failures[0].Status}) {failures[0].Reason}";
}
