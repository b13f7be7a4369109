using CleanRag.Api.PublicChat;
using CleanRag.Application.Chat;
using CleanRag.Application.Common;

namespace CleanRag.Api.Widget;

/// <summary>
/// The widget's config routes name only a project: it decides the company the request is scoped to and which pages
/// may read the answer (CORS). An unknown project is left unscoped and reaches its 404.
/// </summary>
internal static class PublicWidgetScope
{
    /// <summary>The project id of a route or query value; a missing or malformed one becomes empty, which validation answers with 400.</summary>
    public static Guid ProjectIdOf(string? value) => Guid.TryParse(value, out var id) ? id : Guid.Empty;

    public static async Task EnterAsync(HttpContext http, Guid projectId)
    {
        if (await FindAsync(http, projectId) is not { } project)
            return;
        http.RequestServices.GetRequiredService<RequestContext>().SetAnonymousTenant(project.CompanyId);
        PublicChatHeaders.AddCors(http, project.AllowedOrigins);
    }

    /// <summary>A browser's preflight: admitted only for an origin the named project allows (the route names it, unlike the chat's).</summary>
    public static async Task<IResult> PreflightAsync(HttpContext http, Guid projectId)
    {
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        var origin = http.Request.Headers.Origin.ToString();
        if (await FindAsync(http, projectId) is { } project && OriginPolicy.Allows(project.AllowedOrigins, origin))
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowMethods = "GET, OPTIONS";
            headers.AccessControlAllowHeaders = "Content-Type";
            headers.AccessControlMaxAge = "600";
        }
        return TypedResults.NoContent();
    }

    private static Task<PublicProject?> FindAsync(HttpContext http, Guid projectId) => projectId == Guid.Empty
        ? Task.FromResult<PublicProject?>(null)
        : http.RequestServices.GetRequiredService<IPublicProjectDirectory>().FindAsync(projectId, http.RequestAborted);
}
