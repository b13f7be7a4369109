using CleanRag.Api.Authentication;
using CleanRag.Api.OpenApi;
using CleanRag.Application.Auth;
using CleanRag.Application.Auth.GetCurrentUser;
using CleanRag.Application.Auth.LogIn;
using CleanRag.Application.Auth.RefreshTokens;
using CleanRag.Application.Auth.SignUp;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/v1/auth").WithTags("Auth");

        auth.MapPost("/signup", async (SignUpCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created((string?)null, await mediator.Send(command, ct)))
            .WithSummary("Create a user account; returns an access token and a refresh token.")
            .ProducesErrors(400, 409, 503);

        auth.MapPost("/login", async (LogInCommand command, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() }, ct)))
            .WithSummary("Exchange email and password for tokens. Repeated failures lock the account and the client address " +
                         "for a growing time (429 too_many_attempts with Retry-After).")
            .ProducesErrors(400, 401, 429, 503);

        auth.MapPost("/refresh", async (RefreshTokensCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithSummary("Exchange a refresh token (single use) for new tokens.")
            .ProducesErrors(400, 401, 503);

        auth.MapGet("/me", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), ct)))
            .WithSummary("The signed-in user, with the company and role the server holds for them.")
            .RequireSignedInUser()
            .ProducesErrors(401, 503);

        app.MapGet("/config", (PublicAuthSettings settings, HttpRequest request) => TypedResults.Ok(new ApiConfigResponse(
                settings.AuthMode, settings.Issuer, settings.Audience, settings.BaseUrlFor(request), settings.TokenEndpoint)))
            .WithTags("Auth")
            .WithSummary("What tooling needs to authenticate against this API.");
        return app;
    }

    /// <param name="AuthMode">builtin (this API issues tokens at <paramref name="TokenEndpoint"/>) or oidc.</param>
    private sealed record ApiConfigResponse(string AuthMode, string Issuer, string Audience, string ApiBaseUrl, string? TokenEndpoint);
}
