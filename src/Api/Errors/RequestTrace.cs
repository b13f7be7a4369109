using System.Diagnostics;

namespace CleanRag.Api.Errors;

/// <summary>
/// The id that ties what a user sees to the service's log: the W3C trace id of the request's activity (the same for
/// every span of the request, and what a tracing backend shows), or the server's request id when there is no activity.
/// </summary>
internal static class RequestTrace
{
    public const string Header = "X-Trace-Id";

    public static string IdOf(HttpContext http) =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : http.TraceIdentifier;

    /// <summary>Every response carries its trace id, successful ones included, so any request can be quoted to support.</summary>
    public static IApplicationBuilder UseTraceIdHeader(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            // Set when the response starts: the exception handler clears headers set before it.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[Header] = IdOf(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
}
