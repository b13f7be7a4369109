using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Testing;

/// <summary>
/// The one local stand-in for an OpenAI-compatible server and an Ollama server (127.0.0.1, ephemeral port), shared
/// by the provider tests and the API's remote-model tests. It answers embeddings and chat (plain and streamed) with
/// deterministic content, records every request, and lets a test make chosen calls fail, stall or break off.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const int EmbeddingDimensions = 3;
    public static readonly IReadOnlyList<string> DefaultWords = ["Hello", " from", " the", " fake"];

    private readonly WebApplication _app;
    private int _calls;

    private FakeModelServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;
    public Uri OpenAiEndpoint => new(BaseAddress, "v1");
    public int Calls => _calls;

    /// <summary>Calls whose caller went away while the server was still delaying its answer.</summary>
    public int AbandonedCalls => _abandoned;
    private int _abandoned;

    /// <summary>The pieces a chat answer is streamed in (and, joined, the whole answer).</summary>
    public IReadOnlyList<string> StreamedWords { get; set; } = DefaultWords;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Given the 1-based call number, a status to fail with, or null to answer normally.</summary>
    public Func<int, int?> FailWith { get; set; } = _ => null;
    /// <summary>Delay before answering, per 1-based call number.</summary>
    public Func<int, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;
    /// <summary>When set, a streamed answer is cut (connection aborted) after this many updates.</summary>
    public int? AbortStreamAfter { get; set; }

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The deterministic vector the server returns for an input.</summary>
    public static float[] VectorFor(string input) => [input.Length, input.Count(c => c == ' ') + 1, 0.5f];

    private async Task HandleAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var json = body.Length > 0 ? JsonNode.Parse(body)!.AsObject() : new JsonObject();
        Requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), json));

        var delay = Delay(call);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                return;
            }
        }
        if (FailWith(call) is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"failure {status} on call {call}" } });
            return;
        }

        switch (context.Request.Path.Value)
        {
            case "/v1/embeddings":
                await OpenAiEmbeddingsAsync(context, json);
                break;
            case "/v1/chat/completions":
                await OpenAiChatAsync(context, json);
                break;
            case "/api/embed":
                await context.Response.WriteAsJsonAsync(new
                {
                    model = (string?)json["model"],
                    embeddings = Inputs(json["input"]).Select(VectorFor).ToArray(),
                });
                break;
            case "/api/chat":
                await OllamaChatAsync(context, json);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private static IEnumerable<string> Inputs(JsonNode? input) =>
        input is JsonArray array ? array.Select(i => (string)i!) : [(string)input!];

    private static Task OpenAiEmbeddingsAsync(HttpContext context, JsonObject request)
    {
        var base64 = (string?)request["encoding_format"] == "base64";
        var data = Inputs(request["input"]).Select((input, index) => new
        {
            @object = "embedding",
            index,
            embedding = base64
                ? (object)Convert.ToBase64String(VectorFor(input).SelectMany(BitConverter.GetBytes).ToArray())
                : VectorFor(input),
        });
        return context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data,
            model = (string?)request["model"],
            usage = new { prompt_tokens = 4, total_tokens = 4 },
        });
    }

    private async Task OpenAiChatAsync(HttpContext context, JsonObject request)
    {
        var model = (string?)request["model"];
        if ((bool?)request["stream"] != true)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-1", @object = "chat.completion", created = 1_700_000_000, model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = string.Concat(StreamedWords) }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 5, completion_tokens = 4, total_tokens = 9 },
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < StreamedWords.Count; i++)
        {
            if (AbortStreamAfter == i)
            {
                await AbortAfterClientReadAsync(context);
                return;
            }
            var chunk = new
            {
                id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1_700_000_000, model,
                choices = new[] { new { index = 0, delta = new { content = StreamedWords[i] }, finish_reason = (string?)null } },
            };
            await WriteLineAsync(context, $"data: {JsonSerializer.Serialize(chunk)}\n\n");
        }
        var last = new
        {
            id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1_700_000_000, model,
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
        };
        await WriteLineAsync(context, $"data: {JsonSerializer.Serialize(last)}\n\ndata: [DONE]\n\n");
    }

    private async Task OllamaChatAsync(HttpContext context, JsonObject request)
    {
        var model = (string?)request["model"];
        var streamed = (bool?)request["stream"] ?? true;
        object Message(string content, bool done) => new
        {
            model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content }, done,
            done_reason = done ? "stop" : null,
        };
        if (!streamed)
        {
            await context.Response.WriteAsJsonAsync(Message(string.Concat(StreamedWords), done: true));
            return;
        }
        context.Response.ContentType = "application/x-ndjson";
        for (var i = 0; i < StreamedWords.Count; i++)
        {
            if (AbortStreamAfter == i)
            {
                await AbortAfterClientReadAsync(context);
                return;
            }
            await WriteLineAsync(context, JsonSerializer.Serialize(Message(StreamedWords[i], done: false)) + "\n");
        }
        await WriteLineAsync(context, JsonSerializer.Serialize(Message("", done: true)) + "\n");
    }

    /// <summary>An abort resets the connection, which would discard updates the client has not read yet.</summary>
    private static async Task AbortAfterClientReadAsync(HttpContext context)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        context.Abort();
    }

    private static async Task WriteLineAsync(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Path, string Authorization, JsonObject Body);
