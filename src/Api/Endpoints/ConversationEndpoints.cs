using CleanRag.Api.PublicChat;
using CleanRag.Application.Chat.TestChat;
using CleanRag.Application.Conversations.GetConversation;
using CleanRag.Application.Conversations.GetConversationHistory;
using CleanRag.Application.Conversations.ListConversations;
using CleanRag.Api.OpenApi;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/v1/projects/{projectId:guid}").WithTags("Conversations")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        project.MapPost("/chat", async (Guid projectId, TestChatRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(ChatAnswerResponse.From(await mediator.Send(
                    new TestChatCommand(projectId, body.Question!, body.ConversationId, body.SessionId, body.VisitorId), ct))))
            .WithSummary("Dashboard test chat: the same pipeline as the public chat, marked as test traffic.")
            .ProducesErrors(409, 502);

        project.MapGet("/conversations", async (Guid projectId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListConversationsQuery(projectId, page ?? 1, pageSize ?? 50), ct)));

        project.MapGet("/conversations/{conversationId:guid}", async (Guid projectId, Guid conversationId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetConversationQuery(projectId, conversationId), ct)));

        project.MapGet("/conversations/{conversationId:guid}/events",
                async (Guid projectId, Guid conversationId, long? version, DateTimeOffset? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetConversationHistoryQuery(projectId, conversationId, version, asOf), ct)))
            .WithSummary("The conversation's raw event stream (audit); ?version=n or ?asOf=time reads it as it stood then.");
        return app;
    }

    private sealed record TestChatRequest(string? Question, Guid? ConversationId, string? SessionId, string? VisitorId);
}
