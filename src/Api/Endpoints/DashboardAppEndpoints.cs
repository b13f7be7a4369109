using CleanRag.Api.Dashboard;

namespace CleanRag.Api.Endpoints;

/// <summary>
/// The owners' dashboard at /app: static files of a single-page app that works only through the public HTTP API.
/// Every /app/… address that is not one of its files answers the page, which routes in the browser.
/// </summary>
internal static class DashboardAppEndpoints
{
    public static IEndpointRouteBuilder MapDashboardAppEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app", (HttpContext http, DashboardFiles files) => Serve(http, files.Page)).ExcludeFromDescription();
        app.MapGet("/app/{**path}", (string? path, HttpContext http, DashboardFiles files) => Serve(http, files.For(path)))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, DashboardFile file)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = DashboardFiles.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // Preview and invite links carry tokens: they must not leak to other sites through the Referer header.
        headers["Referrer-Policy"] = "no-referrer";
        // The addresses carry no version, so browsers revalidate every time (a 304 while the file is unchanged).
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(file.Content, file.ContentType, entityTag: file.ETag);
    }
}
