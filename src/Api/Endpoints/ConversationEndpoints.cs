using CleanRag.Api.Inbox;
using CleanRag.Api.Json;
using CleanRag.Api.PublicChat;
using CleanRag.Application.Chat.TestChat;
using CleanRag.Application.Conversations.ExportInbox;
using CleanRag.Application.Conversations.GetInboxConversation;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Application.Conversations.ListInbox;
using CleanRag.Application.Conversations.ReviewConversation;
using CleanRag.Application.Conversations.GetConversation;
using CleanRag.Application.Conversations.GetConversationHistory;
using CleanRag.Application.Conversations.HandBackConversation;
using CleanRag.Application.Conversations.ListConversations;
using CleanRag.Application.Conversations.ReplyToConversation;
using CleanRag.Application.Conversations.ResolveConversation;
using CleanRag.Api.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

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

        project.MapGet("/conversations", async (Guid projectId, int? page, int? pageSize, string? handling, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListConversationsQuery(projectId, page ?? 1, pageSize ?? 50, Handling: handling), ct)))
            .WithSummary("The project's conversations, latest activity first; ?handling=bot|escalated|human|resolved filters by who handles them.")
            .AllowApiKey();

        project.MapGet("/conversations/{conversationId:guid}", async (Guid projectId, Guid conversationId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetConversationQuery(projectId, conversationId), ct))).AllowApiKey();

        project.MapGet("/conversations/{conversationId:guid}/events",
                async (Guid projectId, Guid conversationId, long? version, DateTimeOffset? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetConversationHistoryQuery(projectId, conversationId, version, asOf), ct)))
            .WithSummary("The conversation's raw event stream (audit); ?version=n or ?asOf=time reads it as it stood then.")
            .AllowApiKey();

        project.MapPost("/conversations/{conversationId:guid}/replies",
                async (Guid projectId, Guid conversationId, ReplyRequest body, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ReplyToConversationCommand(projectId, conversationId, body.Content), ct)))
            .WithSummary("Answer the visitor as a person: the bot stays quiet until handed back; the widget shows the reply at its next poll.")
            .ProducesErrors(409);
        project.MapPost("/conversations/{conversationId:guid}/handback", async (Guid projectId, Guid conversationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new HandBackConversationCommand(projectId, conversationId), ct)))
            .WithSummary("Give an escalated or person-handled conversation back to the bot.")
            .ProducesErrors(409);
        project.MapPost("/conversations/{conversationId:guid}/resolve", async (Guid projectId, Guid conversationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResolveConversationCommand(projectId, conversationId), ct)))
            .WithSummary("Close the conversation; the visitor's next question reopens it for the bot.")
            .ProducesErrors(409);
        MapInbox(app);
        return app;
    }

    /// <summary>The workspace inbox: every project's conversations, reviewed and exported from one place.</summary>
    private static void MapInbox(IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/v1/conversations").WithTags("Inbox")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        inbox.MapGet("/", async ([AsParameters] InboxFilterInput filter, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListInboxQuery(filter, cursor, limit), ct)))
            .WithSummary("The company's conversations across projects, latest activity first; filters, full-text q, cursor paging (nextCursor).")
            .AllowApiKey();

        inbox.MapGet("/export", async (
                [AsParameters] InboxFilterInput filter, string? format, IMediator mediator, IOptions<JsonOptions> json, TimeProvider clock,
                CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportInboxQuery(filter, format), ct);
                return TypedResults.Stream(body => InboxExportWriter.WriteAsync(export, body, json.Value.SerializerOptions, ct),
                    InboxExportWriter.ContentType(export.Format), InboxExportWriter.FileName(export.Format, clock.GetUtcNow()));
            })
            .WithSummary("Download the conversations the inbox filters match, streamed: ?format=csv (one row per message) or jsonl (one conversation per line).")
            .Produces<string>(contentType: "text/csv", additionalContentTypes: "application/x-ndjson");

        inbox.MapGet("/{conversationId:guid}", async (Guid conversationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetInboxConversationQuery(conversationId), ct)))
            .WithSummary("A conversation: its messages (visitor, bot, human) with ids, sources and feedback, its handling and review.")
            .AllowApiKey();

        inbox.MapPatch("/{conversationId:guid}", async (Guid conversationId, ReviewRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(body.ToCommand(conversationId), ct)))
            .WithSummary("Review a conversation: reviewStatus, rating (1-5, null clears), notes, assigneeUserId (a member; null unassigns).")
            .ProducesErrors(409);
    }

    /// <summary>The review PATCH: a property left out stays as it is; null clears rating, notes or assignee.</summary>
    private sealed record ReviewRequest(
        PatchField<string> ReviewStatus, PatchField<int?> Rating, PatchField<string> Notes, PatchField<Guid?> AssigneeUserId)
    {
        public ReviewConversationCommand ToCommand(Guid conversationId) => new(conversationId,
            ReviewStatus.IsSet ? new FieldUpdate<string>(ReviewStatus.Value) : null,
            Rating.IsSet ? new FieldUpdate<int?>(Rating.Value) : null,
            Notes.IsSet ? new FieldUpdate<string>(Notes.Value) : null,
            AssigneeUserId.IsSet ? new FieldUpdate<Guid?>(AssigneeUserId.Value) : null);
    }

    private sealed record ReplyRequest(string? Content);

    private sealed record TestChatRequest(string? Question, Guid? ConversationId, string? SessionId, string? VisitorId);
}
