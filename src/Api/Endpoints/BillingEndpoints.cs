using CleanRag.Api.OpenApi;
using CleanRag.Application.Plans.GetBillingSummary;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/billing/summary", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBillingSummaryQuery(), ct)))
            .WithTags("Billing")
            .WithSummary("The company's plan (limits, features) and its usage this month.")
            .RequireSignedInUser()
            .ProducesErrors(401, 403, 503);
        return app;
    }
}
