using CleanRag.Api.Authentication;
using CleanRag.Api.OpenApi;
using CleanRag.Application.Auth;
using CleanRag.Application.Auth.GetCurrentUser;
using CleanRag.Application.Auth.LogIn;
using CleanRag.Application.Auth.LogOut;
using CleanRag.Application.Auth.RefreshTokens;
using CleanRag.Application.Auth.RequestPasswordReset;
using CleanRag.Application.Auth.ResetPassword;
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
            .WithSummary("Create a user account; returns an access token and a refresh token. On an invite-only service (Accounts:OpenSignUp=false) only an email with a pending invite may sign up (403 signup_closed).")
            .ProducesErrors(400, 403, 409, 503);

        auth.MapPost("/login", async (LogInCommand command, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() }, ct)))
            .WithSummary("Exchange email and password for tokens. Repeated failures lock the account and the client address " +
                         "for a growing time (429 too_many_attempts with Retry-After).")
            .ProducesErrors(400, 401, 429, 503);

        auth.MapPost("/refresh", async (RefreshTokensCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithSummary("Exchange a refresh token (single use) for new tokens.")
            .ProducesErrors(400, 401, 503);

        auth.MapPost("/logout", async (LogOutCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("End the session the refresh token belongs to: it and every token rotated from the same sign-in stop working. " +
                         "Succeeds for an unknown or already revoked token too; the access token lapses on its own within minutes.")
            .ProducesErrors(400, 503);

        auth.MapPost("/password-reset", async (RequestPasswordResetCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.Accepted((string?)null, new PasswordResetRequested(
                    "If an account has this email, a link to choose a new password is on its way; it works once, for a limited time."));
            })
            .WithSummary("Mail a single-use password-reset link to the account with this email. The answer is the same whether or not " +
                         "the email has an account; at most one mail a minute per account.")
            .ProducesErrors(400, 503);

        auth.MapPost("/password-reset/confirm", async (ResetPasswordCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a new password with the token of a reset mail (single use; expires after Accounts:PasswordResetLifetime, an hour by default). Every session of the " +
                         "account ends: its refresh tokens stop working.")
            .ProducesErrors(400, 503);

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

    private sealed record PasswordResetRequested(string Message);

    /// <param name="AuthMode">builtin (this API issues tokens at <paramref name="TokenEndpoint"/>) or oidc.</param>
    private sealed record ApiConfigResponse(string AuthMode, string Issuer, string Audience, string ApiBaseUrl, string? TokenEndpoint);
}
