using CleanRag.Api.Errors;
using CleanRag.Api.OpenApi;
using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Security;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Widget;

namespace CleanRag.Api.PublicChat;

/// <summary>
/// Authenticates the public API's key (X-CleanRag-Key, or Authorization: Bearer sk_…), scopes the request to
/// the key's company and project, then applies the key's rate limit. Every failure of the key answers the same
/// 401 body. The key itself is never logged: request logging records neither headers nor bodies.
/// </summary>
internal static class ApiKeyFilter
{
    public const string KeyHeader = "X-CleanRag-Key";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Puts the routes behind an API key, and says so in the OpenAPI document.</summary>
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(InvokeAsync);
        return group.WithMetadata(CallerRequirement.ApiKey);
    }

    /// <summary>
    /// Dashboard routes (<see cref="CallerRequirementExtensions.RequireSignedInUser{TBuilder}"/>): a request without a key goes on to the
    /// signed-in user's checks. With a key, only a route marked <see cref="CallerRequirementExtensions.AllowApiKey"/> admits it — with
    /// the key's rate limit; which messages a key may send, about which project and on which plan (<c>api_access</c>),
    /// the Application decides (<see cref="AllowApiKeyAttribute"/>).
    /// </summary>
    public static async ValueTask<object?> DashboardAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (!PresentsKey(http.Request))
            return await next(invocation);
        if (http.GetEndpoint()?.Metadata.GetMetadata<CallerRequirement>() != CallerRequirement.SignedInUserOrApiKey)
            return new ErrorResponse(AllowApiKeyAttribute.NotAllowedMessage, "api_key_not_allowed", 401).ToResult(http);

        var caller = await AuthenticateAsync(http);
        if (caller is null)
            return InvalidKey(http);
        return await LimitAsync(http, caller) ?? await next(invocation);
    }

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var caller = await AuthenticateAsync(http);
        if (caller is null)
            return InvalidKey(http);

        PublicChatHeaders.AddCors(http, caller.AllowedOrigins);
        return await LimitAsync(http, caller) ?? await next(invocation);
    }

    /// <summary>The presented key's caller, set as the request's; null for a missing, unknown or revoked key.</summary>
    private static async Task<ApiKeyCaller?> AuthenticateAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var caller = await services.GetRequiredService<IApiKeyAuthenticator>().AuthenticateAsync(PresentedKey(http.Request), http.RequestAborted);
        if (caller is not null)
            services.GetRequiredService<RequestContext>().SetApiKey(caller);
        return caller;
    }

    /// <summary>Counts the call against the key's limit and adds the rate-limit headers; the 429 when over the limit.</summary>
    private static async Task<IResult?> LimitAsync(HttpContext http, ApiKeyCaller caller)
    {
        var decision = await http.RequestServices.GetRequiredService<IRateLimiter>()
            .AcquireAsync($"key:{caller.KeyId}", caller.RequestsPerMinute, Window, http.RequestAborted);
        PublicChatHeaders.AddRateLimit(http.Response, decision);
        return decision.Allowed ? null : RateLimited(http, decision, "Rate limit exceeded for this API key.");
    }

    private static IResult InvalidKey(HttpContext http) =>
        new ErrorResponse(AuthorizeApiKeyAttribute.FailureMessage, "invalid_api_key", 401).ToResult(http);

    public static IResult RateLimited(HttpContext http, RateLimitDecision decision, string message)
    {
        var retryAfter = decision.RetryAfterSeconds(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ErrorResponse($"{message} Try again in {retryAfter} s.", "rate_limited", 429) { RetryAfter = retryAfter }.ToResult(http);
    }

    /// <summary>Whether the caller sent a key rather than (or besides) a dashboard JWT, which also comes as a bearer token.</summary>
    private static bool PresentsKey(HttpRequest request) =>
        request.Headers[KeyHeader].ToString().Length > 0
        || request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.OrdinalIgnoreCase);

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[KeyHeader].ToString() is { Length: > 0 } key)
            return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
