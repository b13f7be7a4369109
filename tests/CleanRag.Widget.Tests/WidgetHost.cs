using Microsoft.Playwright;

namespace CleanRag.Widget.Tests;

/// <summary>
/// One API on Kestrel, one customer site and one browser for the whole assembly (each test gets a fresh browser
/// context, so its own localStorage). The browser is Debian's chromium, driven through Playwright; no browser is
/// downloaded.
/// </summary>
[SetUpFixture]
public sealed class WidgetHost
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Flags for a headless chromium on a machine that refuses outside connections.</summary>
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static WidgetApiFactory Api { get; private set; } = null!;
    public static Uri ApiBase { get; private set; } = null!;
    public static TestPages Pages { get; private set; } = null!;
    public static IBrowser Browser { get; private set; } = null!;
    private static IPlaywright _playwright = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Fail, never skip: CI installs chromium through build/setup.sh, so its absence is a broken machine.
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"{ChromiumPath} is missing: the widget's browser tests need Debian's chromium. Run build/setup.sh (it installs it).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        Api = new WidgetApiFactory();
        Api.UseKestrel(0);
        Api.StartServer();
        ApiBase = Api.CreateClient().BaseAddress!;
        Pages = await TestPages.StartAsync(ApiBase);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Pages is not null)
            await Pages.DisposeAsync();
        if (Api is not null)
            await Api.DisposeAsync();
    }
}
