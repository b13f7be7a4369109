using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace CleanRag.Api.Dashboard;

/// <summary>
/// The owners' dashboard (<c>Dashboard/app/</c> in the output directory: the build of src/Dashboard by
/// build/dashboard.sh), read once at start-up: it only changes with a deploy.
/// </summary>
internal sealed class DashboardFiles
{
    public const string Script = "dashboard.js";
    public const string Styles = "dashboard.css";

    // Scripts and styles only from files of this origin (no inline script or style), API calls to this origin, the
    // widget preview framed from this origin, avatars from https. Nobody may frame the dashboard itself.
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https: data:; frame-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly IReadOnlyDictionary<string, DashboardFile> _assets;

    private DashboardFiles(DashboardFile page, IReadOnlyDictionary<string, DashboardFile> assets)
    {
        Page = page;
        _assets = assets;
    }

    /// <summary>index.html: the answer to /app and to every /app/… address that is not an asset (the app routes in the browser).</summary>
    public DashboardFile Page { get; }

    public static DashboardFiles Load(string directory) => new(
        Read(Path.Combine(directory, "index.html"), "text/html; charset=utf-8"),
        new Dictionary<string, DashboardFile>(StringComparer.Ordinal)
        {
            [Script] = Read(Path.Combine(directory, Script), "text/javascript; charset=utf-8"),
            [Styles] = Read(Path.Combine(directory, Styles), "text/css; charset=utf-8"),
        });

    public static DashboardFiles LoadFromOutputDirectory() => Load(Path.Combine(AppContext.BaseDirectory, "Dashboard", "app"));

    /// <summary>The asset at <paramref name="path"/> under /app, else the page.</summary>
    public DashboardFile For(string? path) => path is not null && _assets.TryGetValue(path, out var asset) ? asset : Page;

    private static DashboardFile Read(string path, string contentType)
    {
        var content = File.ReadAllBytes(path);
        return new DashboardFile(content, contentType, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\""));
    }
}

internal sealed record DashboardFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
