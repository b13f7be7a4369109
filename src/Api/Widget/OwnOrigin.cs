using CleanRag.Api.Authentication;
using CleanRag.Application.Common;

namespace CleanRag.Api.Widget;

/// <summary>
/// Tells the use cases this API's own origin, where the widget preview page lives, so the widget on that page may chat
/// with the project it previews (the widget's origin check accepts it besides the project's allowed origins).
/// </summary>
internal sealed class OwnOrigin(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, RequestContext context, PublicAuthSettings auth)
    {
        context.SetOwnOrigin(For(http.Request, auth));
        return next(http);
    }

    public static string For(HttpRequest request, PublicAuthSettings auth) =>
        new Uri(auth.BaseUrlFor(request)).GetLeftPart(UriPartial.Authority);
}
