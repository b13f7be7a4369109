using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests.DashboardApp;

/// <summary>
/// An owner's tab on the dashboard at /app. Locators go by role and accessible name, as a screen reader user would
/// find things, so a control that loses its label fails the tests.
/// </summary>
public sealed class DashboardPage(IPage page)
{
    public const string Password = "correct horse battery staple";

    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Alert => Page.GetByRole(AriaRole.Alert);
    public ILocator Status => Page.GetByRole(AriaRole.Status);
    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard" });

    public static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.com";

    public string Url(string path) => new Uri(WidgetHost.ApiBase, path).ToString();

    public async Task OpenAsync(string path = "/app")
    {
        await Page.GotoAsync(Url(path));
        await Expect(Heading).ToBeVisibleAsync();
    }

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task ExpectHeadingAsync(string text) => await Expect(Heading).ToHaveTextAsync(text);

    /// <summary>Creates an account through the sign-up screen (from /app, which sends a stranger to sign in).</summary>
    public async Task SignUpAsync(string email, string name = "Olivia Owner")
    {
        await OpenAsync();
        await ExpectHeadingAsync("Sign in");
        await Link("Create an account").ClickAsync();
        await ExpectHeadingAsync("Create your account");
        await Field("Your name").FillAsync(name);
        await Field("Email").FillAsync(email);
        await Field("Password").FillAsync(Password);
        await Button("Sign up").ClickAsync();
    }

    public async Task SignInAsync(string email, string password = Password)
    {
        await Field("Email").FillAsync(email);
        await Field("Password").FillAsync(password);
        await Button("Sign in").ClickAsync();
    }

    /// <summary>Signs up, creates the company and lands on the projects screen.</summary>
    public async Task NewOwnerAsync(string company = "Northwind Optics")
    {
        await SignUpAsync(NewEmail());
        await ExpectHeadingAsync("Create your company");
        await Field("Company name").FillAsync(company);
        await Button("Create company").ClickAsync();
        await ExpectHeadingAsync("Projects");
    }

    /// <summary>Creates a project from the projects screen; returns its id, read from the address it opens.</summary>
    public async Task<Guid> CreateProjectAsync(string name, string origins = "")
    {
        await Field("Project name").FillAsync(name);
        await Field("Allowed origins").FillAsync(origins);
        await Button("Create project").ClickAsync();
        await ExpectHeadingAsync($"Knowledge · {name}");
        return Guid.Parse(Regex.Match(Page.Url, "/app/projects/([0-9a-f-]{36})/").Groups[1].Value);
    }

    /// <summary>Drops files on the knowledge screen's drop zone, as dragging them from the desktop does.</summary>
    public async Task DropFilesAsync(params (string Name, string Content)[] files)
    {
        var transfer = await Page.EvaluateHandleAsync("""
            files => {
              const transfer = new DataTransfer();
              for (const [name, content] of files) transfer.items.add(new File([content], name));
              return transfer;
            }
            """, files.Select(f => new[] { f.Name, f.Content }).ToArray());
        await Page.Locator(".drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        foreach (var (name, _) in files)
            await Expect(Row(name)).ToContainTextAsync("uploaded");
    }

    /// <summary>A new owner with a project whose one document is indexed; the knowledge screen is open.</summary>
    public async Task<Guid> NewOwnerWithIndexedProjectAsync(string fileName, string content)
    {
        await NewOwnerAsync();
        var projectId = await CreateProjectAsync("Northwind Help", "https://www.northwind.example");
        await DropFilesAsync((fileName, content));
        await Button("Sync (index uploaded files)").ClickAsync();
        await Expect(Row(fileName)).ToContainTextAsync("indexed", new() { Timeout = 60_000 });
        return projectId;
    }

    /// <summary>Follows the navigation's link to a screen of the current project.</summary>
    public async Task GoToAsync(string section)
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await Expect(Heading).ToContainTextAsync(section == "Test prompts" ? "Test prompts" : section);
    }

    public ILocator Row(string text) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>
    /// Checks the screen with axe-core against WCAG 2 A and AA (contrast, labels, names, landmarks, ARIA use). The
    /// widget preview's frame is left out: the widget has its own tests.
    /// </summary>
    public async Task ExpectAccessibleAsync()
    {
        var result = await Page.RunAxe(
            new AxeRunContext { Exclude = [new AxeSelector("iframe")] },
            new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        result.Passes.Should().NotBeEmpty("axe-core ran its checks");
        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")
            .Should().BeEmpty($"the {await Heading.TextContentAsync()} screen meets WCAG 2.1 AA as far as axe-core can tell");
    }

    /// <summary>Saves a screenshot to the test's results folder and attaches it to the test.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
