using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>
/// A local OpenAI-compatible chat server for the API's "openai" provider: it fails with a chosen status,
/// or streams a cited answer after a chosen delay.
/// </summary>
public sealed class FakeChatModel : IAsyncDisposable
{
    public const string CitedAnswer = "Glasses are covered up to 150 dollars per year [1].";
    private readonly WebApplication _app;

    private FakeChatModel(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";
    public int? FailWithStatus { get; set; }
    public TimeSpan DelayBeforeAnswer { get; set; }

    /// <summary>Completion requests received so far.</summary>
    public int Requests => _requests;
    private int _requests;

    /// <summary>Requests whose caller went away while the model was still working.</summary>
    public int AbandonedRequests => _abandoned;
    private int _abandoned;

    public static async Task<FakeChatModel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = new FakeChatModel(app);
        app.MapPost("/v1/chat/completions", model.CompleteAsync);
        await app.StartAsync();
        model.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/v1";
        return model;
    }

    private async Task CompleteAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "model overloaded", type = "server_error" } });
            return;
        }
        try
        {
            await Task.Delay(DelayBeforeAnswer, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _abandoned);
            return;
        }
        context.Response.ContentType = "text/event-stream";
        foreach (var word in CitedAnswer.Split(' '))
        {
            var chunk = new
            {
                id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1_700_000_000, model = "fake",
                choices = new[] { new { index = 0, delta = new { content = word + " " }, finish_reason = (string?)null } },
            };
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
