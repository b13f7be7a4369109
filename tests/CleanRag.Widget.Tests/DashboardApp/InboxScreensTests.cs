using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests.DashboardApp;

/// <summary>Working the inbox and the leads, and the company and project settings, in the browser.</summary>
public class InboxScreensTests : BrowserTest
{
    private const string Dental = "# Dental\n\nDental cleanings are covered twice a year. Fillings are covered at 80 percent.";

    [Test]
    public async Task A_conversation_is_reviewed_taken_over_handed_back_and_resolved_and_a_lead_moves_along()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        var projectId = await owner.NewOwnerWithIndexedProjectAsync("dental.md", Dental);
        var email = await owner.Page.Locator(".signed-in span").TextContentAsync();
        await owner.GoToAsync("Go live");
        await owner.Button("Deploy").ClickAsync();
        var key = await owner.Page.GetByTestId("issued-key").TextContentAsync();
        using var api = WidgetHost.Api.CreateClient();
        api.DefaultRequestHeaders.Add("X-CleanRag-Key", key);
        (await api.PostAsJsonAsync("/v1/chat", new { question = "How often are dental cleanings covered?" })).EnsureSuccessStatusCode();
        await CreateLeadAsync(email!, projectId);

        await owner.GoToAsync("Inbox");
        await owner.Page.GetByRole(AriaRole.Combobox, new() { Name = "Handling" }).SelectOptionAsync("resolved");
        await owner.Button("Filter").ClickAsync();
        await Expect(owner.Page.GetByText("No conversation matches these filters.")).ToBeVisibleAsync();
        await owner.Page.GetByRole(AriaRole.Combobox, new() { Name = "Handling" }).SelectOptionAsync("bot");
        await owner.Button("Filter").ClickAsync();
        await owner.Link("How often are dental cleanings covered?").ClickAsync();
        await owner.ExpectHeadingAsync("Conversation");

        await owner.Field("Review status").SelectOptionAsync("needs_follow_up");
        await owner.Field("Rating (1–5)").FillAsync("4");
        await owner.Field("Notes").FillAsync("Check the fillings answer.");
        await owner.Button("Save review").ClickAsync();
        await Expect(owner.Status).ToHaveTextAsync("Review saved.");
        await owner.Page.ReloadAsync();
        await Expect(owner.Field("Notes")).ToHaveValueAsync("Check the fillings answer.");
        await Expect(owner.Field("Rating (1–5)")).ToHaveValueAsync("4");

        var handling = owner.Page.GetByText("Handling:");
        await owner.Field("Reply").FillAsync("A colleague will call you.");
        await owner.Button("Send reply").ClickAsync();
        await Expect(handling).ToContainTextAsync("human");
        await owner.Button("Hand back to the bot").ClickAsync();
        await Expect(handling).ToContainTextAsync("bot");
        await owner.Button("Resolve").ClickAsync();
        await Expect(handling).ToContainTextAsync("resolved");

        await owner.GoToAsync("Leads");
        await Expect(owner.Row("ada@example.com")).ToContainTextAsync("Ada Lovelace");
        await owner.Page.GetByRole(AriaRole.Combobox, new() { Name = "Status of the lead ada@example.com" }).SelectOptionAsync("contacted");
        await Expect(owner.Status).ToHaveTextAsync("Lead updated.");
        await owner.Page.ReloadAsync();
        await Expect(owner.Page.GetByRole(AriaRole.Combobox, new() { Name = "Status of the lead ada@example.com" })).ToHaveValueAsync("contacted");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-leads");
    }

    [Test]
    public async Task The_company_is_renamed_its_defaults_saved_and_an_archived_project_leaves_the_list()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerAsync();
        await owner.CreateProjectAsync("Old Help Desk");

        await owner.Link("Company").ClickAsync();
        await owner.ExpectHeadingAsync("Company");
        await owner.Field("Company name").FillAsync("Northwind Vision");
        await owner.Button("Save name").ClickAsync();
        await Expect(owner.Status).ToHaveTextAsync("Saved.");
        await owner.Field("Default allowed origins").FillAsync("https://www.northwind.example\nhttps://help.northwind.example");
        await owner.Button("Save defaults").ClickAsync();
        await Expect(owner.Page.Locator("form").Filter(new() { Has = owner.Button("Save defaults") }).GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await owner.Page.ReloadAsync();
        await Expect(owner.Field("Company name")).ToHaveValueAsync("Northwind Vision");
        await Expect(owner.Field("Default allowed origins")).ToHaveValueAsync("https://www.northwind.example\nhttps://help.northwind.example");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-company");

        await owner.Page.GetByRole(AriaRole.Combobox, new() { Name = "Project" }).SelectOptionAsync(new SelectOptionValue { Label = "Old Help Desk" });
        await owner.GoToAsync("Settings");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-project-settings");
        owner.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await owner.Button("Archive project").ClickAsync();

        await owner.ExpectHeadingAsync("Projects");
        await Expect(owner.Page.GetByText("No project yet.")).ToBeVisibleAsync();
    }

    /// <summary>A lead entered through the API by the same owner (signed in on their own client).</summary>
    private static async Task CreateLeadAsync(string email, Guid projectId)
    {
        using var client = WidgetHost.Api.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { email, password = DashboardPage.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.PostAsJsonAsync("/v1/leads", new { projectId, name = "Ada Lovelace", email = "ada@example.com" }))
            .EnsureSuccessStatusCode();
    }
}
