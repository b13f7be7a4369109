using CleanRag.Api.Authentication;
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
                Results.Json(await mediator.Send(command, ct), statusCode: StatusCodes.Status201Created))
            .WithSummary("Create a user account; returns an access token and a refresh token.")
            .Produces<AuthResult>(StatusCodes.Status201Created);

        auth.MapPost("/login", async (LogInCommand command, HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(command with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() }, ct)))
            .WithSummary("Exchange email and password for tokens. Repeated failures lock the account and the client address " +
                         "for a growing time (429 too_many_attempts with Retry-After).");

        auth.MapPost("/refresh", async (RefreshTokensCommand command, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(command, ct)))
            .WithSummary("Exchange a refresh token (single use) for new tokens.");

        auth.MapGet("/me", async (IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetCurrentUserQuery(), ct)))
            .WithSummary("The signed-in user, with the company and role the server holds for them.");

        app.MapGet("/config", (PublicAuthSettings settings, HttpRequest request) => Results.Ok(new
            {
                authMode = settings.AuthMode,
                issuer = settings.Issuer,
                audience = settings.Audience,
                apiBaseUrl = settings.BaseUrlFor(request),
                tokenEndpoint = settings.TokenEndpoint,
            }))
            .WithTags("Auth")
            .WithSummary("What tooling needs to authenticate against this API.");
        return app;
    }
}
