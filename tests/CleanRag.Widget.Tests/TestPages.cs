using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CleanRag.Widget.Tests;

/// <summary>
/// A customer's web site: a second Kestrel host, on two ports, so on two origins — one the test projects allow, one they
/// do not. Its page embeds the widget with the one script tag, under a strict Content-Security-Policy (no inline script
/// or style, connections only to the API), as a careful site would.
/// </summary>
public sealed class TestPages : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestPages(WebApplication app, Uri apiBase)
    {
        _app = app;
        ApiBase = apiBase;
    }

    public Uri ApiBase { get; }

    /// <summary>The site's origin that projects list in their allowed origins.</summary>
    public string AllowedOrigin { get; private set; } = "";

    /// <summary>Another site, on no project's list.</summary>
    public string ForeignOrigin { get; private set; } = "";

    public static async Task<TestPages> StartAsync(Uri apiBase)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var pages = new TestPages(app, apiBase);
        app.MapGet("/help", pages.Page);
        await app.StartAsync();
        var urls = app.Urls.ToList();
        pages.AllowedOrigin = urls[0].TrimEnd('/');
        pages.ForeignOrigin = urls[1].TrimEnd('/');
        return pages;
    }

    /// <summary>The page on <paramref name="origin"/> embedding the widget of <paramref name="projectId"/>.</summary>
    public static string Url(string origin, Guid projectId, int pollMilliseconds = 500) =>
        $"{origin}/help?project={projectId}&poll={pollMilliseconds}";

    private IResult Page(HttpContext http)
    {
        var api = ApiBase.GetLeftPart(UriPartial.Authority);
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src {api}; connect-src {api}; img-src {api} data:; style-src 'none'; base-uri 'none'; form-action 'none'";
        var project = WebUtility.HtmlEncode(http.Request.Query["project"].ToString());
        var poll = WebUtility.HtmlEncode(http.Request.Query["poll"].ToString());
        return Results.Content($$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Northwind Optics — Help</title></head>
            <body>
              <h1>Northwind Optics</h1>
              <p>Frames, lenses and eye exams. Questions about your plan? Ask our assistant.</p>
              <script src="{{api}}/widget.js" data-project-id="{{project}}" data-poll-interval="{{poll}}" async></script>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
