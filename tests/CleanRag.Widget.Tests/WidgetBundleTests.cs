using System.IO.Compression;
using CleanRag.Testing;

namespace CleanRag.Widget.Tests;

/// <summary>The committed bundle (src/Api/Widget/widget.js, served at GET /widget.js) is the build of src/Widget, and small.</summary>
public class WidgetBundleTests
{
    private static readonly string CommittedBundle = Path.Combine(TestServices.RepositoryRoot, "src", "Api", "Widget", "widget.js");

    [Test]
    public void The_committed_bundle_is_the_build_of_the_typescript_source()
    {
        var folder = Directory.CreateTempSubdirectory("cleanrag-widget-");
        try
        {
            var rebuilt = Path.Combine(folder.FullName, "widget.js");
            var (exitCode, output) = BuildScript.Run("widget.sh", rebuilt);
            exitCode.Should().Be(0, $"build/widget.sh builds the widget (it needs node and npm):\n{output}");

            File.ReadAllBytes(CommittedBundle).SequenceEqual(File.ReadAllBytes(rebuilt)).Should().BeTrue(
                "src/Api/Widget/widget.js must be rebuilt and committed after changing src/Widget: run build/widget.sh");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void The_bundle_is_under_30_KB_gzipped()
    {
        var bundle = File.ReadAllBytes(CommittedBundle);
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(bundle);

        TestContext.Out.WriteLine($"widget.js: {bundle.Length:N0} bytes, {gzipped.Length:N0} bytes gzipped (limit 30,720)");
        gzipped.Length.Should().BeLessThan(30 * 1024);
    }

    [Test]
    public void The_bundle_needs_no_eval_and_builds_no_markup_from_strings()
    {
        var source = File.ReadAllText(CommittedBundle);

        // Under a strict CSP (no 'unsafe-eval') these throw; and markup parsed from strings is how answers become XSS.
        source.Should().NotContainAny("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    }
}
