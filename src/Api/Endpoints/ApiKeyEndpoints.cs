using CleanRag.Application.ApiKeys.CreateApiKey;
using CleanRag.Application.ApiKeys.ListApiKeys;
using CleanRag.Application.ApiKeys.ListProjectApiKeys;
using CleanRag.Application.ApiKeys.RevokeApiKey;
using CleanRag.Application.ApiKeys.RotateApiKey;
using CleanRag.Api.OpenApi;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/projects/{projectId:guid}/keys").WithTags("API keys")
            .RequireSignedInUser()
            .ProducesErrors(401, 403, 404, 503);

        keys.MapGet("/", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProjectApiKeysQuery(projectId), ct)))
            .WithSummary("The project's keys (prefix, name, environment, created/last used, status); never the key itself.");

        keys.MapPost("/", async (Guid projectId, CreateKeyRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new CreateApiKeyCommand(projectId, body.Name!, body.Environment!), ct);
                return TypedResults.Created($"/v1/projects/{projectId}/keys/{key.Id}", key);
            })
            .WithSummary("Issue a key (admin). The response is the only time the key is shown.")
            .ProducesErrors(400);

        keys.MapPost("/rotate", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RotateApiKeyCommand(projectId), ct)))
            .WithSummary("Issue a new live key and revoke the active ones (admin); 400 when there is no active live key.")
            .ProducesErrors(400);

        keys.MapDelete("/{keyId:guid}", async (Guid projectId, Guid keyId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeApiKeyCommand(projectId, keyId), ct)))
            .WithSummary("Revoke a key (admin); it fails from the next request on.");

        app.MapGet("/v1/keys", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), ct)))
            .WithTags("API keys")
            .WithSummary("Every key of the workspace.")
            .RequireSignedInUser()
            .ProducesErrors(401, 403, 503);
        return app;
    }

    private sealed record CreateKeyRequest(string? Name, string? Environment);
}
