using CleanRag.Api.Authentication;
using CleanRag.Api.Errors;
using CleanRag.Api.OpenApi;
using CleanRag.Api.Widget;
using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Application.Projects.UpdateWidgetConfig;
using CleanRag.Application.Widget.GetPublicWidgetConfig;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CleanRag.Api.Endpoints;

/// <summary>The widget: its script, its public config, and the dashboard's settings and preview of it.</summary>
internal static class WidgetEndpoints
{
    /// <summary>Short, so an owner sees a change on their site within a minute.</summary>
    private const string PublicConfigCaching = "public, max-age=60";

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

        MapPublicConfig(app);
        MapDashboard(app);
        return app;
    }

    private static void MapPublicConfig(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/widget/config", (string? id, HttpContext http, IMediator mediator) =>
                PublicConfigAsync(http, PublicWidgetScope.ProjectIdOf(id), mediator))
            .WithTags("Widget")
            .WithSummary("The widget's render-time config (snake_case): look, office hours (open now? next opening), plan features.")
            .ProducesErrors(400, 404, 503);
        app.MapGet("/v1/widget/{projectId}/config", (string projectId, HttpContext http, IMediator mediator) =>
                PublicConfigAsync(http, PublicWidgetScope.ProjectIdOf(projectId), mediator))
            .WithTags("Widget")
            .WithSummary("The widget's render-time config, as GET /api/widget/config?id=.")
            .ProducesErrors(400, 404, 503);
        app.MapMethods("/api/widget/config", [HttpMethods.Options], (string? id, HttpContext http) =>
            PublicWidgetScope.PreflightAsync(http, PublicWidgetScope.ProjectIdOf(id))).ExcludeFromDescription();
        app.MapMethods("/v1/widget/{projectId}/config", [HttpMethods.Options], (string projectId, HttpContext http) =>
            PublicWidgetScope.PreflightAsync(http, PublicWidgetScope.ProjectIdOf(projectId))).ExcludeFromDescription();

        app.MapGet("/widget-preview/{token}", (string token, WidgetPreviewLinks links, HttpContext http) =>
                links.Read(token) is { } projectId
                    ? WidgetPreviewPage.For(http.Response, projectId)
                    : new ErrorResponse("The preview link is invalid or has expired; ask the dashboard for a new one.",
                        "preview_link_not_found", StatusCodes.Status404NotFound).ToResult(http))
            .WithTags("Widget")
            .WithSummary("The widget preview page behind a short-lived link from POST /v1/projects/{id}/widget-preview-link.")
            .Produces<string>(contentType: "text/html")
            .ProducesErrors(404);
    }

    private static async Task<Ok<PublicWidgetConfigResponse>> PublicConfigAsync(HttpContext http, Guid projectId, IMediator mediator)
    {
        await PublicWidgetScope.EnterAsync(http, projectId);
        var config = await mediator.Send(new GetPublicWidgetConfigQuery(projectId), http.RequestAborted);
        http.Response.Headers.CacheControl = PublicConfigCaching;
        return TypedResults.Ok(PublicWidgetConfigResponse.From(config));
    }

    private static void MapDashboard(IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/v1/projects/{id:guid}").WithTags("Widget")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        projects.MapGet("/widget-config", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var config = await mediator.Send(new GetWidgetConfigQuery(id), ct);
                response.Headers.ETag = ETags.For(config.Version);
                return TypedResults.Ok(config);
            })
            .WithSummary("The widget's settings (member).");

        projects.MapPatch("/widget-config", async (
                Guid id, WidgetConfigInput body, [FromHeader(Name = "If-Match")] string? ifMatch,
                IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var config = await mediator.Send(new UpdateWidgetConfigCommand(id, ETags.Parse(ifMatch), body), ct);
                response.Headers.ETag = ETags.For(config.Version);
                return TypedResults.Ok(config);
            })
            .WithSummary("Change the widget's settings (admin); absent fields keep their value, \"\" clears displayName, avatar or customCss.")
            .ProducesErrors(409);

        projects.MapGet("/widget-preview", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                await mediator.Send(new GetWidgetConfigQuery(id), ct); // a member's project, else 401/403/404
                return WidgetPreviewPage.For(response, id);
            })
            .WithSummary("The preview page (member): a blank page with the widget. Browsers open it through a preview link.")
            .Produces<string>(contentType: "text/html");

        projects.MapPost("/widget-preview-link", async (
                Guid id, IMediator mediator, WidgetPreviewLinks links, PublicAuthSettings auth, HttpRequest request, CancellationToken ct) =>
            {
                await mediator.Send(new GetWidgetConfigQuery(id), ct);
                var (token, expiresAt) = links.Create(id);
                return TypedResults.Ok(new PreviewLinkResponse($"{OwnOrigin.For(request, auth)}/widget-preview/{token}", expiresAt));
            })
            .WithSummary("A link to the preview page valid for 15 minutes (member), for an iframe or a new tab.");
    }

    private sealed record PreviewLinkResponse(string Url, DateTimeOffset ExpiresAt);
}
