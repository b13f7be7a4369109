using System.Net;
using CleanRag.Testing;

namespace CleanRag.Widget.Tests.DashboardApp;

/// <summary>
/// The committed dashboard (src/Api/Dashboard/app, served at /app) is the build of src/Dashboard, runs no inline
/// script or style, and is served with a policy that forbids them.
/// </summary>
public class DashboardBundleTests
{
    private static readonly string CommittedFolder = Path.Combine(TestServices.RepositoryRoot, "src", "Api", "Dashboard", "app");
    private static readonly string[] Files = ["index.html", "dashboard.js", "dashboard.css"];

    [Test]
    public void The_committed_files_are_the_build_of_the_typescript_source()
    {
        var folder = Directory.CreateTempSubdirectory("cleanrag-dashboard-");
        try
        {
            var (exitCode, output) = BuildScript.Run("dashboard.sh", folder.FullName);
            exitCode.Should().Be(0, $"build/dashboard.sh builds the dashboard (it needs node and npm):\n{output}");

            foreach (var file in Files)
                File.ReadAllBytes(Path.Combine(CommittedFolder, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder.FullName, file)))
                    .Should().BeTrue($"src/Api/Dashboard/app/{file} must be rebuilt and committed after changing src/Dashboard: run build/dashboard.sh");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void The_script_needs_no_eval_and_builds_no_markup_from_strings()
    {
        var source = File.ReadAllText(Path.Combine(CommittedFolder, "dashboard.js"));

        // Under the CSP (no 'unsafe-eval') these throw; and markup parsed from strings is how a visitor's question becomes XSS.
        source.Should().NotContainAny("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    }

    [Test]
    public void The_page_loads_its_script_and_styles_from_files_only()
    {
        var page = File.ReadAllText(Path.Combine(CommittedFolder, "index.html"));

        page.Should().Contain("<script src=\"/app/dashboard.js\" defer></script>").And.Contain("<link rel=\"stylesheet\" href=\"/app/dashboard.css\">");
        page.Should().NotContain("<style").And.NotContain("style=").And.NotContainAny("onload=", "onclick=", "javascript:");
    }

    [TestCase("/app")]
    [TestCase("/app/projects")]
    [TestCase("/app/projects/8d4a8b7e-1f6e-4a55-9f0e-0a1b2c3d4e5f/knowledge")]
    public async Task Every_dashboard_address_answers_the_page_under_a_policy_without_inline_script_or_style(string path)
    {
        using var client = WidgetHost.Api.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("/app/dashboard.js");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'")
            .And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }

    [TestCase("/app/dashboard.js", "text/javascript")]
    [TestCase("/app/dashboard.css", "text/css")]
    public async Task The_assets_are_served_with_their_type_and_revalidated_by_etag(string path, string mediaType)
    {
        using var client = WidgetHost.Api.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(File.ReadAllBytes(Path.Combine(CommittedFolder, Path.GetFileName(path))));
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, path);
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await client.SendAsync(revalidation)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }
}
