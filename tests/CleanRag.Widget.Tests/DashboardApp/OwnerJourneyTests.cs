using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests.DashboardApp;

/// <summary>
/// An owner's first day through the dashboard alone, in a real browser against the real service: from signing up to
/// answering a visitor of the widget as a person and seeing it counted.
/// </summary>
public class OwnerJourneyTests : BrowserTest
{
    private const string Vision = "# Vision\n\nThe Plus plan covers one eye exam per year. Glasses are covered up to 150 dollars per year.";
    private const string Dental = "# Dental\n\nDental cleanings are covered twice a year. Fillings are covered at 80 percent.";

    [Test]
    public async Task A_new_owner_signs_up_uploads_deploys_configures_the_widget_answers_a_visitor_and_sees_it_counted()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = WidgetHost.ApiBase.GetLeftPart(UriPartial.Authority) });
        var owner = new DashboardPage(await NewWatchedPageAsync());

        await owner.NewOwnerAsync();
        await Expect(owner.Page.GetByText("No project yet.")).ToBeVisibleAsync();
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-projects");
        var projectId = await owner.CreateProjectAsync("Northwind Help", "https://www.northwind.example");

        // Knowledge: two files dropped at once, each with its own progress, then indexed by the real pipeline.
        await Expect(owner.Page.GetByText("No documents yet.")).ToBeVisibleAsync();
        await owner.DropFilesAsync(("vision.md", Vision), ("dental.md", Dental));
        await Expect(owner.Page.GetByRole(AriaRole.Progressbar, new() { Name = "Upload of vision.md" })).ToHaveAttributeAsync("value", "100");
        await Expect(owner.Page.GetByRole(AriaRole.Progressbar, new() { Name = "Upload of dental.md" })).ToHaveAttributeAsync("value", "100");
        await owner.Button("Sync (index uploaded files)").ClickAsync();
        await Expect(owner.Status).ToContainTextAsync("2");
        await Expect(owner.Row("vision.md")).ToContainTextAsync("indexed", new() { Timeout = 60_000 });
        await Expect(owner.Row("dental.md")).ToContainTextAsync("indexed", new() { Timeout = 60_000 });
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-knowledge");

        // Settings: the widget switched on (its origin was given at creation).
        await owner.GoToAsync("Settings");
        await owner.Field("Widget enabled").CheckAsync();
        await owner.Button("Save settings").ClickAsync();
        await Expect(owner.Status).ToHaveTextAsync("Saved.");

        // Go live: the checklist, the deploy, the key shown once and copied.
        await owner.GoToAsync("Go live");
        await Expect(owner.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Indexed: 2 of 2" })).ToBeVisibleAsync();
        await owner.Button("Deploy").ClickAsync();
        var shownKey = await owner.Page.GetByTestId("issued-key").TextContentAsync();
        shownKey.Should().StartWith("sk_live_");
        await owner.Button("Copy key").ClickAsync();
        await Expect(owner.Button("Copied")).ToBeVisibleAsync();
        (await owner.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).Should().Be(shownKey);
        await Expect(owner.Row("Live key")).ToContainTextAsync("active");
        await Expect(owner.Page.GetByLabel("Widget embed tag"))
            .ToHaveTextAsync($"<script src=\"{new Uri(WidgetHost.ApiBase, "/widget.js")}\" data-project-id=\"{projectId}\" async></script>");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-go-live");
        await AskWithKeyAsync(shownKey!, "How often are dental cleanings covered?");

        // Widget: a new colour and welcome, then the real widget in the preview answers a question.
        await owner.GoToAsync("Widget");
        await owner.Field("Welcome message").FillAsync("Hello from Northwind! Ask about your benefits.");
        await owner.Field("Colour").FillAsync("#1c6b34");
        await owner.Button("Save widget").ClickAsync();
        await Expect(owner.Status).ToContainTextAsync("Saved.");
        var preview = owner.Page.FrameLocator("iframe[title='Widget preview']");
        await preview.GetByTestId("cleanrag-bubble").ClickAsync();
        await Expect(preview.GetByTestId("cleanrag-welcome")).ToHaveTextAsync("Hello from Northwind! Ask about your benefits.");
        var question = preview.GetByRole(AriaRole.Textbox, new() { Name = "Your question" });
        await question.FillAsync("How much of my glasses is covered?");
        await question.PressAsync("Enter");
        await Expect(preview.Locator("[data-testid=cleanrag-message][data-role=assistant]").Last)
            .ToContainTextAsync("150 dollars", new() { Timeout = 30_000 });
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-widget");

        // Inbox: the preview's conversation, its sources, and a reply from a person.
        await owner.GoToAsync("Inbox");
        await owner.Field("Search").FillAsync("glasses");
        await owner.Button("Filter").ClickAsync();
        await owner.Link("How much of my glasses is covered?").ClickAsync();
        await owner.ExpectHeadingAsync("Conversation");
        await Expect(owner.Page.GetByText("Sources (")).ToBeVisibleAsync();
        await owner.Field("Reply").FillAsync("A person here: bring your receipt to any optician.");
        await owner.Button("Send reply").ClickAsync();
        await Expect(owner.Page.Locator(".message-human")).ToContainTextAsync("bring your receipt");
        await Expect(owner.Page.GetByText("Handling:")).ToContainTextAsync("human");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-inbox");

        // Analytics: the widget conversation and the API call are counted.
        await owner.GoToAsync("Analytics");
        await EventuallyOnReloadAsync(owner, () => Expect(owner.Page.Locator(".kpi").Filter(new() { HasText = "Conversations" }))
            .ToContainTextAsync(new Regex("^2Conversations$"), new() { Timeout = 1_000 }));
        await Expect(owner.Page.GetByRole(AriaRole.Img, new() { Name = "Conversations and messages per day", Exact = false })).ToBeVisibleAsync();
        await Expect(owner.Row("How much of my glasses is covered?").First).ToBeVisibleAsync();
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-analytics");
    }

    /// <summary>The copied key works on the public chat API.</summary>
    private static async Task AskWithKeyAsync(string key, string question)
    {
        using var client = WidgetHost.Api.CreateClient();
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", key);
        var response = await client.PostAsJsonAsync("/v1/chat", new { question });
        ((int)response.StatusCode).Should().Be(200, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString().Should().Contain("twice a year");
    }

    /// <summary>Reloads the screen until the expectation holds: read models catch up with events in the background.</summary>
    private static async Task EventuallyOnReloadAsync(DashboardPage owner, Func<Task> expectation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await expectation();
                return;
            }
            catch (PlaywrightException) when (attempt < 30)
            {
                await owner.Page.ReloadAsync();
            }
        }
    }
}
