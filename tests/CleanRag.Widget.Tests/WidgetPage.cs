using Microsoft.Playwright;

namespace CleanRag.Widget.Tests;

/// <summary>
/// A visitor's page with the widget, in the test's own browser context. Locators find the widget's elements by test id
/// and ARIA role: Playwright's locators pierce its open shadow root.
/// </summary>
public sealed class WidgetPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Bubble => Page.GetByTestId("cleanrag-bubble");
    public ILocator Panel => Page.GetByRole(AriaRole.Dialog);
    public ILocator Input => Page.GetByRole(AriaRole.Textbox, new() { Name = "Your question" });
    public ILocator Notice => Page.GetByTestId("cleanrag-notice");
    public ILocator Messages => Page.GetByTestId("cleanrag-message");
    public ILocator Answers => Page.Locator("[data-testid=cleanrag-message][data-role=assistant]");
    public ILocator HumanReplies => Page.Locator("[data-testid=cleanrag-message][data-role=human]");
    public ILocator LastAnswer => Answers.Last;

    public async Task GoToAsync(string url)
    {
        await Page.GotoAsync(url);
        await Bubble.WaitForAsync();
    }

    public async Task OpenAsync()
    {
        await Bubble.ClickAsync();
        await Assertions.Expect(Panel).ToBeVisibleAsync();
    }

    /// <summary>Types a question and sends it with Enter, as a keyboard user would.</summary>
    public async Task AskAsync(string question)
    {
        await Input.FillAsync(question);
        await Input.PressAsync("Enter");
    }

    /// <summary>Waits until the last answer finished streaming (it then carries the message id of <c>done</c>).</summary>
    public async Task<Guid> WaitForAnswerAsync()
    {
        await Assertions.Expect(LastAnswer).ToHaveAttributeAsync("data-message-id", new System.Text.RegularExpressions.Regex("."));
        return Guid.Parse((await LastAnswer.GetAttributeAsync("data-message-id"))!);
    }

    /// <summary>The conversation id the widget keeps in localStorage for <paramref name="projectId"/>.</summary>
    public async Task<Guid> StoredConversationIdAsync(Guid projectId) =>
        Guid.Parse(await Page.EvaluateAsync<string>($"() => localStorage.getItem('cleanrag:{projectId}:conversation')"));

    /// <summary>Saves a screenshot to the test's results folder and attaches it to the test.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.AddTestAttachment(path, name);
    }
}
