using CleanRag.Api.OpenApi;
using CleanRag.Application.Activity.ListActivity;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/activity", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListActivityQuery(page ?? 1, pageSize ?? 50), ct)))
            .WithTags("Activity")
            .WithSummary("The workspace's recent activity (who did what, when), newest first.")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 503);
        return app;
    }
}
