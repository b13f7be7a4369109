using CleanRag.Application.Webhooks.CreateWebhook;
using CleanRag.Application.Webhooks.DeleteWebhook;
using CleanRag.Application.Webhooks.GetWebhook;
using CleanRag.Application.Webhooks.ListWebhookDeliveries;
using CleanRag.Application.Webhooks.ListWebhooks;
using CleanRag.Application.Webhooks.RedeliverWebhook;
using CleanRag.Application.Webhooks.RotateWebhookSecret;
using CleanRag.Application.Webhooks.SendTestWebhook;
using CleanRag.Application.Webhooks.UpdateWebhook;
using CleanRag.Api.OpenApi;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/v1/projects/{projectId:guid}/webhooks").WithTags("Webhooks")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        webhooks.MapGet("/", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(projectId), ct)));

        webhooks.MapPost("/", async (Guid projectId, WebhookRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var webhook = await mediator.Send(new CreateWebhookCommand(projectId, body.Url, body.Events, body.Active), ct);
                return TypedResults.Created($"/v1/projects/{projectId}/webhooks/{webhook.Id}", webhook);
            })
            .WithSummary("Subscribe a URL to events of the project (admin). The answer shows the generated signing secret.");

        webhooks.MapGet("/{webhookId:guid}", async (Guid projectId, Guid webhookId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetWebhookQuery(projectId, webhookId), ct)));

        webhooks.MapPatch("/{webhookId:guid}", async (Guid projectId, Guid webhookId, WebhookRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateWebhookCommand(projectId, webhookId, body.Url, body.Events, body.Active), ct)))
            .WithSummary("Change the URL or events, or set active to disable or re-enable (also after an auto-disable).");

        webhooks.MapDelete("/{webhookId:guid}", async (Guid projectId, Guid webhookId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteWebhookCommand(projectId, webhookId), ct);
            return TypedResults.NoContent();
        });

        webhooks.MapPost("/{webhookId:guid}/rotate-secret", async (Guid projectId, Guid webhookId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RotateWebhookSecretCommand(projectId, webhookId), ct)))
            .WithSummary("Replace the signing secret; the answer shows the new one.");

        webhooks.MapPost("/{webhookId:guid}/test", async (Guid projectId, Guid webhookId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new SendTestWebhookCommand(projectId, webhookId), ct)))
            .WithSummary("Send a ping event; follow it in the delivery log.")
            .ProducesErrors(409);

        webhooks.MapGet("/{webhookId:guid}/deliveries",
                async (Guid projectId, Guid webhookId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(projectId, webhookId, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("The delivery log, newest first: status, attempts, last response code and latency, next attempt.");

        webhooks.MapPost("/{webhookId:guid}/deliveries/{deliveryId:guid}/redeliver",
                async (Guid projectId, Guid webhookId, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Accepted((string?)null, await mediator.Send(new RedeliverWebhookCommand(projectId, webhookId, deliveryId), ct)))
            .WithSummary("Send a delivered or failed delivery again (same delivery id and body).")
            .ProducesErrors(409);
        return app;
    }

    /// <summary>The JSON body of create and update; on update, absent fields stay as they are.</summary>
    private sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Active);
}
