using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

/// <summary>How the fake node answers one request; it may wait, observing the request's cancellation.</summary>
public delegate Task<HttpResponseMessage> Responder(CancellationToken cancellationToken);

/// <summary>One request as it reached the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, string Query, string? ContentType, string Body, string? Authorization)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public bool IsKnn => Body.Contains("\"knn\"", StringComparison.Ordinal);
}

/// <summary>
/// Stands in for an Elasticsearch node: records every request and answers from scripted replies. A
/// route's replies are used in order; its last reply repeats. An unrouted request fails the test.
/// </summary>
public sealed class RecordingElasticsearchHandler : HttpMessageHandler
{
    private readonly List<Route> _routes = [];
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public RecordingElasticsearchHandler On(Func<RecordedRequest, bool> matches, params Responder[] replies)
    {
        _routes.Add(new Route(matches, new Queue<Responder>(replies), null));
        return this;
    }

    /// <summary>Answers every request that <paramref name="matches"/> from the request itself (a stateful fake node).</summary>
    public RecordingElasticsearchHandler On(Func<RecordedRequest, bool> matches, Func<RecordedRequest, Responder> answer)
    {
        _routes.Add(new Route(matches, new Queue<Responder>(), answer));
        return this;
    }

    /// <summary>
    /// An answer as an Elasticsearch 9 node gives it: in the JSON media type the request accepts (set when it is
    /// answered), and with the product header without which the client refuses a successful answer as not Elasticsearch's.
    /// </summary>
    public static Responder Reply(HttpStatusCode status, string json) => _ =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = null;
        response.Headers.Add("X-Elastic-Product", "Elasticsearch");
        return Task.FromResult(response);
    };

    public static Responder Fail(Exception exception) => _ => Task.FromException<HttpResponseMessage>(exception);

    /// <summary>Answers only after <paramref name="delay"/>, like an overloaded node; gives up when the request is cancelled.</summary>
    public static Responder After(TimeSpan delay, Responder reply) => async cancellationToken =>
    {
        await Task.Delay(delay, cancellationToken);
        return await reply(cancellationToken);
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await ReadBodyAsync(request.Content, cancellationToken);
        var recorded = new RecordedRequest(
            request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query.TrimStart('?'),
            request.Content?.Headers.ContentType?.MediaType, body, request.Headers.Authorization?.ToString());
        lock (_requests)
            _requests.Add(recorded);

        Route? route;
        lock (_routes)
            route = _routes.FirstOrDefault(r => r.Matches(recorded));
        if (route is null)
            throw new AssertionException($"Unexpected request {recorded.Method} {recorded.Path}?{recorded.Query} {recorded.Body}");
        Responder reply;
        lock (route)
            reply = route.Answer?.Invoke(recorded) ?? (route.Replies.Count > 1 ? route.Replies.Dequeue() : route.Replies.Peek());
        var response = await reply(cancellationToken);
        // Elasticsearch answers in the media type asked for: the compatible-with vendor type, or plain JSON for _bulk.
        if (response.Content.Headers.ContentType is null && request.Headers.Accept.FirstOrDefault() is { } accepted)
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(accepted.ToString());
        return response;
    }

    /// <summary>The body as the node reads it: the client gzips request bodies (Content-Encoding: gzip) by default.</summary>
    private static async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        if (!content.Headers.ContentEncoding.Contains("gzip"))
            return Encoding.UTF8.GetString(bytes);
        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private sealed record Route(Func<RecordedRequest, bool> Matches, Queue<Responder> Replies, Func<RecordedRequest, Responder>? Answer);
}
