using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

/// <summary>How the fake node answers one request; it may wait, observing the request's cancellation.</summary>
public delegate Task<HttpResponseMessage> Responder(CancellationToken cancellationToken);

/// <summary>One request as it reached the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, string Query, string? ContentType, string Body)
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
        _routes.Add(new Route(matches, new Queue<Responder>(replies)));
        return this;
    }

    public static Responder Reply(HttpStatusCode status, string json) => _ => Task.FromResult(new HttpResponseMessage(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    });

    public static Responder Fail(Exception exception) => _ => Task.FromException<HttpResponseMessage>(exception);

    /// <summary>Answers only after <paramref name="delay"/>, like an overloaded node; gives up when the request is cancelled.</summary>
    public static Responder After(TimeSpan delay, Responder reply) => async cancellationToken =>
    {
        await Task.Delay(delay, cancellationToken);
        return await reply(cancellationToken);
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query.TrimStart('?'),
            request.Content?.Headers.ContentType?.MediaType, body);
        lock (_requests)
            _requests.Add(recorded);

        Route? route;
        lock (_routes)
            route = _routes.FirstOrDefault(r => r.Matches(recorded));
        if (route is null)
            throw new AssertionException($"Unexpected request {recorded.Method} {recorded.Path}?{recorded.Query} {recorded.Body}");
        Responder reply;
        lock (route)
            reply = route.Replies.Count > 1 ? route.Replies.Dequeue() : route.Replies.Peek();
        return await reply(cancellationToken);
    }

    private sealed record Route(Func<RecordedRequest, bool> Matches, Queue<Responder> Replies);
}
