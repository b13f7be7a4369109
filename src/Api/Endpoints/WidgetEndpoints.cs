using CleanRag.Api.Widget;
using Microsoft.Net.Http.Headers;

namespace CleanRag.Api.Endpoints;

/// <summary>The widget's public surface: its script.</summary>
internal static class WidgetEndpoints
{
    public static IEndpointRouteBuilder MapWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/widget.js", (HttpContext http, WidgetScript script) =>
            {
                var representation = script.For(http.Request.GetTypedHeaders().AcceptEncoding);
                var headers = http.Response.Headers;
                // A day, and not "immutable": the URL carries no version, so a deploy changes the file behind the
                // same URL; after a day browsers revalidate with If-None-Match and get a 304 or the new bundle.
                headers.CacheControl = "public, max-age=86400";
                headers.Vary = HeaderNames.AcceptEncoding;
                // A <script src> from any customer page is cross-origin by nature; the script holds no secrets.
                headers.AccessControlAllowOrigin = "*";
                headers.XContentTypeOptions = "nosniff";
                if (representation.ContentEncoding is { } encoding)
                    headers.ContentEncoding = encoding;
                // The file result answers If-None-Match with 304 (and sets the ETag on both answers).
                return TypedResults.Bytes(representation.Content, WidgetScript.ContentType, entityTag: representation.ETag);
            })
            .WithTags("Widget")
            .WithSummary("The embeddable widget script: <script src=\"…/widget.js\" data-project-id=\"…\" async></script>.")
            .Produces<string>(contentType: WidgetScript.ContentType)
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }
}
