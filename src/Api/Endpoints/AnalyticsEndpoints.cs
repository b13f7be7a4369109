using CleanRag.Api.OpenApi;
using CleanRag.Application.Analytics.GetAnalyticsSummary;
using CleanRag.Application.Analytics.GetDashboardSummary;
using CleanRag.Application.KnowledgeGaps;
using CleanRag.Application.KnowledgeGaps.DismissKnowledgeGap;
using CleanRag.Application.KnowledgeGaps.ListKnowledgeGaps;
using CleanRag.Application.KnowledgeGaps.ResolveKnowledgeGap;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/analytics/summary", async (Guid? projectId, string? from, string? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAnalyticsSummaryQuery(projectId, from, to), ct)))
            .WithTags("Analytics")
            .WithSummary("Conversations, questions, outcome rates, confidence, feedback, escalations, leads, latency, top questions and a daily series " +
                         "for a project (or the workspace) over UTC days from–to (default: the last 30 days; at most 366).")
            .RequireSignedInUser()
            .AllowApiKey()
            .ProducesErrors(400, 401, 403, 404, 503);

        app.MapGet("/v1/dashboard/summary", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDashboardSummaryQuery(), ct)))
            .WithTags("Analytics")
            .WithSummary("Workspace KPIs over the last 30 days and since the start, with each project's roll-up.")
            .RequireSignedInUser()
            .ProducesErrors(401, 403, 503);

        var gaps = app.MapGroup("/v1/projects/{id:guid}/knowledge-gaps").WithTags("Analytics")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        gaps.MapGet("/", async (Guid id, string? status, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListKnowledgeGapsQuery(id, status ?? KnowledgeGap.Open, limit ?? 50), ct)))
            .WithSummary("What to add to the documents: unanswered and badly rated question groups, most missed first (?status=open|dismissed|done).")
            .AllowApiKey();

        gaps.MapPost("/{gapId:guid}/dismiss", async (Guid id, Guid gapId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DismissKnowledgeGapCommand(id, gapId), ct)))
            .WithSummary("Dismiss a knowledge gap (admin).")
            .ProducesErrors(409);

        gaps.MapPost("/{gapId:guid}/done", async (Guid id, Guid gapId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResolveKnowledgeGapCommand(id, gapId), ct)))
            .WithSummary("Mark a knowledge gap done (admin): it reopens if its questions go unanswered or are rated down again.")
            .ProducesErrors(409);
        return app;
    }
}
