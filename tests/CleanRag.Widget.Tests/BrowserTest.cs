using Microsoft.Playwright;

namespace CleanRag.Widget.Tests;

/// <summary>
/// A fresh browser context per test (own storage, own offline switch). Every test also checks that the page reported no
/// script error and no Content-Security-Policy violation: the widget must work under the page's strict policy.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<string> _problems = [];
    private IBrowserContext _context = null!;

    protected IBrowserContext Context => _context;

    [SetUp]
    public async Task NewContextAsync()
    {
        _problems.Clear();
        _context = await WidgetHost.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1000, Height = 720 } });
        _context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    [TearDown]
    public async Task CloseContextAsync()
    {
        await _context.CloseAsync();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
            _problems.Should().BeEmpty("the widget and the dashboard run without script errors under their pages' strict CSP");
    }

    /// <summary>A new tab of this test's context with the widget of <paramref name="url"/>, watched for script errors and CSP violations.</summary>
    protected async Task<WidgetPage> NewPageAsync(string url)
    {
        var widget = new WidgetPage(await NewWatchedPageAsync());
        await widget.GoToAsync(url);
        return widget;
    }

    /// <summary>A new blank tab of this test's context, watched for script errors and CSP violations.</summary>
    protected async Task<IPage> NewWatchedPageAsync()
    {
        var page = await _context.NewPageAsync();
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                _problems.Add($"console: {message.Text}");
        };
        return page;
    }
}
