using CleanRag.Api.Errors;
using CleanRag.Api.OpenApi;
using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Security;
using CleanRag.Application.Common.Interfaces;

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

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var services = http.RequestServices;
        var caller = await services.GetRequiredService<IApiKeyAuthenticator>().AuthenticateAsync(PresentedKey(http.Request), http.RequestAborted);
        if (caller is null)
            return new ErrorResponse(AuthorizeApiKeyAttribute.FailureMessage, "invalid_api_key", 401).ToResult(http);

        services.GetRequiredService<RequestContext>().SetApiKey(caller);
        PublicChatHeaders.AddCors(http, caller.AllowedOrigins);

        var decision = await services.GetRequiredService<IRateLimiter>()
            .AcquireAsync($"key:{caller.KeyId}", caller.RequestsPerMinute, Window, http.RequestAborted);
        PublicChatHeaders.AddRateLimit(http.Response, decision);
        return decision.Allowed
            ? await next(invocation)
            : RateLimited(http, decision, "Rate limit exceeded for this API key.");
    }

    public static IResult RateLimited(HttpContext http, RateLimitDecision decision, string message)
    {
        var retryAfter = decision.RetryAfterSeconds(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ErrorResponse($"{message} Try again in {retryAfter} s.", "rate_limited", 429) { RetryAfter = retryAfter }.ToResult(http);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[KeyHeader].ToString() is { Length: > 0 } key)
            return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
