using CleanRag.Api.Errors;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace CleanRag.Api.Logging;

/// <summary>
/// One log line per request. Server failures are errors; client errors (4xx) are routine and logged at Information
/// without a stack trace. Each line names the request's trace id, the one error bodies show. Secret route values (invite,
/// upload and file tokens) never reach the log.
/// </summary>
internal static class RequestLogging
{
    /// <summary>Route parameters that are bearer secrets: whoever reads them can use them.</summary>
    private static readonly string[] SecretRouteValues = ["token"];

    private const string Redacted = "[redacted]";

    private const string PathForLogKey = "CleanRag.PathForLog";

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms (trace {TraceId})";
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(PathForLog(http))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
                new LogEventProperty("TraceId", new ScalarValue(RequestTrace.IdOf(http))),
            ];
        })
        // Routing has matched by now; the exception handler clears the route values before the log line is written.
        .Use((http, next) =>
        {
            http.Items[PathForLogKey] = RedactedPath(http);
            return next(http);
        });

    /// <summary>The request path with the values of secret route parameters replaced.</summary>
    public static string PathForLog(HttpContext http) =>
        http.Items.TryGetValue(PathForLogKey, out var path) && path is string recorded ? recorded : RedactedPath(http);

    private static string RedactedPath(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        foreach (var name in SecretRouteValues)
        {
            if (http.Request.RouteValues.TryGetValue(name, out var value) && value is string { Length: > 0 } secret)
                path = path.Replace(secret, Redacted, StringComparison.Ordinal);
        }
        return path;
    }
}
