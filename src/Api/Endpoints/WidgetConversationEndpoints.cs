using System.Text.Json.Serialization;
using CleanRag.Api.OpenApi;
using CleanRag.Api.PublicChat;
using CleanRag.Application.Chat.EscalateConversation;
using CleanRag.Application.Chat.GetWidgetMessages;
using CleanRag.Application.Chat.RateMessage;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CleanRag.Api.Endpoints;

/// <summary>
/// The widget's routes that name a conversation or a message rather than a project (seed 000): polling for the team's
/// replies, rating a message, asking for a person. Keyless, snake_case JSON; the project found through the conversation
/// must be live, have the widget enabled and allow the page's origin.
/// </summary>
internal static class WidgetConversationEndpoints
{
    public static IEndpointRouteBuilder MapWidgetConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var widget = app.MapGroup("/api/widget").WithTags("Widget")
            .AddEndpointFilter(WidgetConversationFilter.InvokeAsync)
            .ProducesErrors(400, 403, 404, 409, 429, 503);

        widget.MapGet("/messages", async ([AsParameters] MessagesRequest query, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var messages = await mediator.Send(new GetWidgetMessagesQuery(query.RawConversationId, query.Since, Origin(request)), ct);
                return TypedResults.Ok(new MessagesResponse(
                    [.. messages.Messages.Select(m => new MessageResponse(m.Id, m.Role, m.Content, m.Sources, m.CreatedAt))]));
            })
            .WithSummary("The team's replies added after `since`, or the whole conversation without it (merge by message id).");

        widget.MapPost("/feedback", async (FeedbackRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var rated = await mediator.Send(new RateMessageCommand(body.MessageId ?? Guid.Empty, body.Rating, body.Reason, Origin(request)), ct);
                return TypedResults.Ok(new FeedbackResponse(rated.MessageId, rated.Rating));
            })
            .WithSummary("Thumbs up or down on a bot reply (its id, or the question's); the reason is stored verbatim.");

        widget.MapPost("/escalate", async (EscalateRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var accepted = await mediator.Send(
                    new EscalateConversationCommand(body.ConversationId ?? Guid.Empty, body.Email, body.Phone, body.Message, Origin(request)), ct);
                return TypedResults.Ok(new EscalateResponse(accepted.ConversationId, accepted.Handling, accepted.LeadCaptured));
            })
            .WithSummary("Asks for a person: flags the conversation escalated, captures the contact as a lead, notifies the team.");

        foreach (var route in new[] { "/api/widget/messages", "/api/widget/feedback", "/api/widget/escalate" })
            app.MapMethods(route, [HttpMethods.Options], PublicChatHeaders.Preflight).ExcludeFromDescription();
        return app;
    }

    private static string? Origin(HttpRequest request) => request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : null;

    /// <summary>The query string as written: a malformed id or time is a validation error, not a binding failure.</summary>
    private sealed record MessagesRequest(
        [property: FromQuery(Name = "conversationId")] string? RawConversationId,
        [property: FromQuery(Name = "since")] string? Since,
        [property: FromQuery(Name = "visitorId")] string? VisitorId) : IWidgetConversationRequest
    {
        public Guid? ConversationId => Guid.TryParse(RawConversationId, out var id) ? id : null;
        public Guid? MessageId => null;
    }

    private sealed record MessagesResponse([property: JsonPropertyName("messages")] IReadOnlyList<MessageResponse> Messages);

    private sealed record MessageResponse(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string Content,
        [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

    private sealed record FeedbackRequest(
        [property: JsonPropertyName("message_id")] Guid? MessageId,
        [property: JsonPropertyName("rating")] string? Rating,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("visitor_id")] string? VisitorId) : IWidgetConversationRequest
    {
        Guid? IWidgetConversationRequest.ConversationId => null;
    }

    private sealed record FeedbackResponse(
        [property: JsonPropertyName("message_id")] Guid MessageId,
        [property: JsonPropertyName("rating")] string Rating);

    private sealed record EscalateRequest(
        [property: JsonPropertyName("conversation_id")] Guid? ConversationId,
        [property: JsonPropertyName("email")] string? Email,
        [property: JsonPropertyName("phone")] string? Phone,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("visitor_id")] string? VisitorId) : IWidgetConversationRequest
    {
        Guid? IWidgetConversationRequest.MessageId => null;
    }

    private sealed record EscalateResponse(
        [property: JsonPropertyName("conversation_id")] Guid ConversationId,
        [property: JsonPropertyName("handling")] string Handling,
        [property: JsonPropertyName("lead_captured")] bool LeadCaptured);
}
