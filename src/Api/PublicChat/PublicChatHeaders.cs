using CleanRag.Application.Chat;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Api.PublicChat;

/// <summary>
/// Response headers of the public chat routes. They are added when the response starts, so error
/// responses written by the exception handler (which clears headers set earlier) carry them too.
/// </summary>
internal static class PublicChatHeaders
{
    private const string ExposedHeaders = "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

    public static void AddRateLimit(HttpResponse response, RateLimitDecision decision) =>
        response.OnStarting(() =>
        {
            response.Headers["X-RateLimit-Limit"] = decision.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

    /// <summary>Lets the page read the response only when its origin is one the project allows.</summary>
    public static void AddCors(HttpContext http, IReadOnlyList<string> allowedOrigins)
    {
        var origin = http.Request.Headers.Origin.ToString();
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.Headers.Vary = "Origin";
            if (OriginPolicy.Allows(allowedOrigins, origin))
            {
                response.Headers.AccessControlAllowOrigin = origin;
                response.Headers.AccessControlExposeHeaders = ExposedHeaders;
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Answers a browser's preflight. It cannot know the project yet (the body names it), so it admits any
    /// origin; the request itself is then checked against the project's allowed origins.
    /// </summary>
    public static IResult Preflight(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        if (http.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowMethods = "POST, OPTIONS";
            headers.AccessControlAllowHeaders = "Content-Type, Authorization, X-CleanRag-Key";
            headers.AccessControlMaxAge = "600";
        }
        return TypedResults.NoContent();
    }
}
