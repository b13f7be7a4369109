namespace CleanRag.Api.Widget;

/// <summary>
/// A blank page with the project's widget, as a customer's site would embed it. Its policy runs no inline script and
/// only scripts of this API's origin (the widget bundle); the widget talks to this same origin, which the widget's
/// origin check accepts for every project (see <see cref="OwnOrigin"/>).
/// </summary>
internal static class WidgetPreviewPage
{
    // style-src allows inline styles: the widget writes its theme and the owner's custom CSS into a <style> element.
    // img-src allows https: the avatar is any https URL. The token-bearing URL must not leak: no referrer, no caching.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; "
        + "font-src 'self'; base-uri 'none'; form-action 'none'";

    public static IResult For(HttpResponse response, Guid projectId)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return TypedResults.Content(Html(projectId), "text/html; charset=utf-8");
    }

    // The project id is a Guid, so nothing user-written reaches the markup.
    private static string Html(Guid projectId) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Widget preview</title>
        </head>
        <body>
        <script src="/widget.js" data-project-id="{projectId}" async></script>
        </body>
        </html>
        """;
}
