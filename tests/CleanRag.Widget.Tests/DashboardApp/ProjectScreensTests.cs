using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests.DashboardApp;

/// <summary>A project's tools in the browser: keys, failed documents, test prompts and runs, webhooks, the audit history.</summary>
public class ProjectScreensTests : BrowserTest
{
    private const string Dental = "# Dental\n\nDental cleanings are covered twice a year. Fillings are covered at 80 percent.";

    [Test]
    public async Task A_document_that_cannot_be_read_shows_failed_with_the_reason_and_is_deleted_and_a_new_version_replaces_a_document()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerWithIndexedProjectAsync("dental.md", Dental);

        await owner.DropFilesAsync(("scan.pdf", "this is not a PDF at all"));
        await owner.Button("Sync (index uploaded files)").ClickAsync();

        await Expect(owner.Row("scan.pdf")).ToContainTextAsync("failed", new() { Timeout = 60_000 });
        (await owner.Row("scan.pdf").Locator(".reason").TextContentAsync()).Should().NotBeNullOrWhiteSpace("the failure's reason is shown");
        owner.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await owner.Button("Delete scan.pdf").ClickAsync();
        await Expect(owner.Row("scan.pdf")).ToHaveCountAsync(0);
        await Expect(owner.Row("dental.md")).ToContainTextAsync("indexed");

        var chooser = await owner.Page.RunAndWaitForFileChooserAsync(() => owner.Button("New version of dental.md").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "dental-2027.md", MimeType = "text/markdown",
            Buffer = System.Text.Encoding.UTF8.GetBytes("# Dental\n\nFrom 2027 dental cleanings are covered three times a year."),
        });
        await Expect(owner.Page.GetByRole(AriaRole.Progressbar, new() { Name = "Upload of dental-2027.md" })).ToHaveAttributeAsync("value", "100");
        await Expect(owner.Row("dental-2027.md")).ToContainTextAsync("v2");
        await owner.Button("Sync (index uploaded files)").ClickAsync();
        await Expect(owner.Row("dental-2027.md")).ToContainTextAsync("indexed", new() { Timeout = 60_000 });
        await owner.Button("Versions of dental-2027.md").ClickAsync();
        await Expect(owner.Row("dental-2027.md")).ToContainTextAsync("Version 1: dental.md");
        await Expect(owner.Row("dental-2027.md")).ToContainTextAsync("Version 2: dental-2027.md");
    }

    [Test]
    public async Task Rotating_shows_the_new_key_once_and_revokes_the_old_one_and_a_revoked_key_is_listed_as_revoked()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerWithIndexedProjectAsync("dental.md", Dental);
        await owner.GoToAsync("Go live");
        await owner.Button("Deploy").ClickAsync();
        var deployed = await owner.Page.GetByTestId("issued-key").TextContentAsync();

        await owner.Button("Rotate live key").ClickAsync();

        await Expect(owner.Page.GetByTestId("issued-key")).Not.ToHaveTextAsync(deployed!);
        (await owner.Page.GetByTestId("issued-key").TextContentAsync()).Should().StartWith("sk_live_");
        await Expect(owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "revoked" })).ToHaveCountAsync(1);
        owner.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await owner.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Revoke ") }).ClickAsync();
        await Expect(owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "revoked" })).ToHaveCountAsync(2);
        await Expect(owner.Page.GetByTestId("issued-key")).ToHaveCountAsync(0);
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-keys");
    }

    [Test]
    public async Task A_test_prompt_passes_then_after_a_stricter_edit_fails_and_the_run_reports_the_regression()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerWithIndexedProjectAsync("dental.md", Dental);
        await owner.GoToAsync("Test prompts");
        await Expect(owner.Page.GetByText("No test prompt yet.")).ToBeVisibleAsync();

        await owner.Field("Question").FillAsync("How often are dental cleanings covered?");
        await owner.Field("Answer must contain").FillAsync("twice");
        await owner.Button("Add prompt").ClickAsync();
        await Expect(owner.Row("How often are dental cleanings covered?")).ToContainTextAsync("contains twice");
        await owner.Button("Run all prompts").ClickAsync();
        await Expect(owner.Page.GetByRole(AriaRole.Region, new() { Name = "Test run" })).ToContainTextAsync("1 passed · 0 failed", new() { Timeout = 60_000 });

        await owner.Link("Edit: How often are dental cleanings covered?").ClickAsync();
        await Expect(owner.Page.GetByRole(AriaRole.Heading, new() { Name = "Edit prompt" })).ToBeVisibleAsync();
        await owner.Field("Answer must contain").FillAsync("thrice");
        await owner.Button("Save prompt").ClickAsync();
        await Expect(owner.Row("How often are dental cleanings covered?").First).ToContainTextAsync("contains thrice");
        await owner.Button("Run all prompts").ClickAsync();

        var run = owner.Page.GetByRole(AriaRole.Region, new() { Name = "Test run" });
        await Expect(run).ToContainTextAsync("0 passed · 1 failed", new() { Timeout = 60_000 });
        await Expect(run).ToContainTextAsync("1 regressed");
        await Expect(owner.Page.GetByRole(AriaRole.Table, new() { Name = "Test runs" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "completed" }))
            .ToHaveCountAsync(2);
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-test-runs");
    }

    [Test]
    public async Task A_webhook_shows_its_secret_once_and_its_test_delivery_arrives_and_is_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerAsync();
        await owner.CreateProjectAsync("Northwind Help");
        await owner.GoToAsync("Webhooks");
        await Expect(owner.Page.GetByText("No webhook yet.")).ToBeVisibleAsync();

        await owner.Field("URL").FillAsync(receiver.Url);
        await owner.Field("new_lead").UncheckAsync();
        await owner.Button("Add webhook").ClickAsync();

        await Expect(owner.Page.GetByText("The signing secret of this webhook.")).ToBeVisibleAsync();
        await Expect(owner.Field("new_lead")).ToBeCheckedAsync(new() { Checked = true }); // the emptied form offers every event again
        await Expect(owner.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = receiver.Url }))
            .ToContainTextAsync("conversation.started, escalation.requested");
        await owner.Button("Send test").ClickAsync();
        await receiver.WaitForAsync("ping");
        await owner.Button("Deliveries").ClickAsync();
        await Expect(owner.Row("ping")).ToContainTextAsync("delivered", new() { Timeout = 30_000 });
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-webhooks");
        await owner.Page.ReloadAsync();
        await Expect(owner.Page.GetByText("The signing secret of this webhook.")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task The_audit_screen_lists_the_project_events_and_shows_the_state_as_of_an_earlier_one()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerAsync();
        await owner.CreateProjectAsync("Northwind Help");
        await owner.GoToAsync("Settings");
        await owner.Field("Project name").FillAsync("Northwind Support");
        await owner.Button("Save settings").ClickAsync();
        await Expect(owner.Status).ToHaveTextAsync("Saved.");

        await owner.GoToAsync("Audit");
        var stateHeading = owner.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(stateHeading).ToContainTextAsync("Current state (event #");
        await Expect(owner.Page.GetByLabel("State", new() { Exact = true })).ToContainTextAsync("Northwind Support");
        await owner.Page.GetByRole(AriaRole.List, new() { Name = "Events" }).GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(stateHeading).ToHaveTextAsync("State as of event #1");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-audit");
        await Expect(owner.Page.GetByLabel("State", new() { Exact = true })).ToContainTextAsync("Northwind Help");
        await Expect(owner.Page.GetByLabel("State", new() { Exact = true })).Not.ToContainTextAsync("Northwind Support");
    }
}
