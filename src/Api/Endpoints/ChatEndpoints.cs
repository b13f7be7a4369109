using System.Text.Json.Serialization;
using CleanRag.Api.OpenApi;
using CleanRag.Api.PublicChat;
using CleanRag.Application.Chat.AskQuestion;
using CleanRag.Application.Chat.AskWidgetQuestion;
using CleanRag.Application.Chat.GiveFeedback;
using CleanRag.Application.Chat.StreamAnswer;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Api.Endpoints;

/// <summary>The public chat: JSON with an API key (/v1/chat) and the keyless, streaming widget tier (/api/chat).</summary>
internal static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var keepAlive = TimeSpan.FromSeconds(app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Chat:StreamKeepAliveSeconds", 15.0));

        var keyed = app.MapGroup("/v1/chat").WithTags("Chat")
            .RequireApiKey()
            .ProducesErrors(400, 401, 403, 404, 429, 503);
        keyed.MapPost("/", async Task<IResult> (KeyedChatRequest body, HttpContext http, IMediator mediator) =>
            {
                if (!WantsEventStream(http.Request))
                {
                    return TypedResults.Ok(ChatAnswerResponse.From(await mediator.Send(
                        new AskQuestionCommand(body.Question!, body.ConversationId, body.SessionId, body.VisitorId, Origin(http.Request)), http.RequestAborted)));
                }
                var stream = await mediator.Send(new StreamAnswerCommand(body.Question!, body.ConversationId, body.SessionId, body.VisitorId,
                    Origin(http.Request)), http.RequestAborted);
                await ChatEventStream.WriteAsync(http, stream.Updates, keepAlive);
                return TypedResults.Empty;
            })
            .WithSummary("Ask the project of your API key; a grounded answer with cited sources, or an honest refusal. With Accept: " +
                "text/event-stream, the answer streams as the widget's does (conversation_id, token…, sources, citations, confidence, done).")
            .Produces<ChatAnswerResponse>()
            .WithMetadata(EventStreamAlternative.Marker)
            .ProducesErrors(409, 502);
        keyed.MapPost("/feedback", async (KeyedFeedbackRequest body, HttpRequest request, IRequestContext caller, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new GiveFeedbackCommand(caller.ApiKey!.ProjectId, body.ConversationId ?? Guid.Empty, body.MessageId ?? Guid.Empty, body.Helpful,
                        body.Comment, ConversationChannel.Api, Origin(request)), ct)))
            .WithSummary("Rate an answer (helpful or not).");
        app.MapMethods("/v1/chat", [HttpMethods.Options], PublicChatHeaders.Preflight).ExcludeFromDescription();

        var widget = app.MapGroup("/api/chat").WithTags("Widget")
            .ProducesErrors(400, 403, 404, 429, 503);
        widget.MapPost("/", async (WidgetChatRequest body, HttpContext http, IMediator mediator) =>
            {
                var stream = await mediator.Send(new AskWidgetQuestionCommand(body.ProjectId ?? Guid.Empty, body.Message!, body.ConversationId,
                    body.PageUrl, body.VisitorId, body.Context, Origin(http.Request)), http.RequestAborted);
                await ChatEventStream.WriteAsync(http, stream.Updates, keepAlive);
                return TypedResults.Empty;
            })
            .AddEndpointFilter(WidgetFilter.InvokeAsync)
            .WithSummary("The widget's chat: text/event-stream of conversation_id, token…, sources (citation URLs), citations, confidence, done (or error).")
            .Produces<string>(contentType: "text/event-stream")
            .ProducesErrors(409, 502);
        widget.MapPost("/feedback", async (WidgetFeedbackRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GiveFeedbackCommand(body.ProjectId ?? Guid.Empty, body.ConversationId ?? Guid.Empty,
                    body.MessageId ?? Guid.Empty, body.Helpful, body.Comment, ConversationChannel.Widget, Origin(request)), ct)))
            .AddEndpointFilter(WidgetFilter.InvokeAsync)
            .WithSummary("The widget's thumbs up/down on an answer.");
        app.MapMethods("/api/chat", [HttpMethods.Options], PublicChatHeaders.Preflight).ExcludeFromDescription();
        app.MapMethods("/api/chat/feedback", [HttpMethods.Options], PublicChatHeaders.Preflight).ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether the client asked for the stream; JSON stays the default (also for Accept: */* or none).</summary>
    private static bool WantsEventStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static string? Origin(HttpRequest request) => request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : null;

    private sealed record KeyedChatRequest(string? Question, Guid? ConversationId, string? SessionId, string? VisitorId);

    private sealed record KeyedFeedbackRequest(Guid? ConversationId, Guid? MessageId, bool? Helpful, string? Comment);

    private sealed record WidgetChatRequest(
        [property: JsonPropertyName("project_id")] Guid? ProjectId,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("conversation_id")] Guid? ConversationId,
        [property: JsonPropertyName("page_url")] string? PageUrl,
        [property: JsonPropertyName("visitor_id")] string? VisitorId,
        [property: JsonPropertyName("context")] string? Context) : IWidgetRequest;

    private sealed record WidgetFeedbackRequest(
        [property: JsonPropertyName("project_id")] Guid? ProjectId,
        [property: JsonPropertyName("conversation_id")] Guid? ConversationId,
        [property: JsonPropertyName("message_id")] Guid? MessageId,
        [property: JsonPropertyName("helpful")] bool? Helpful,
        [property: JsonPropertyName("comment")] string? Comment,
        [property: JsonPropertyName("visitor_id")] string? VisitorId) : IWidgetRequest;
}
