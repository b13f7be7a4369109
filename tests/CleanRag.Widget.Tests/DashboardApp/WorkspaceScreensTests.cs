using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CleanRag.Infrastructure.Email;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests.DashboardApp;

/// <summary>Signing in, the session's tokens, the team, and the dashboard on a phone.</summary>
public class WorkspaceScreensTests : BrowserTest
{
    [Test]
    public async Task A_wrong_password_shows_the_api_error_and_the_session_keeps_no_token_in_local_storage_and_survives_a_reload()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        var email = DashboardPage.NewEmail();
        await owner.SignUpAsync(email);
        await owner.ExpectHeadingAsync("Create your company");
        await owner.Button("Sign out").ClickAsync();
        await owner.ExpectHeadingAsync("Sign in");

        await owner.SignInAsync(email, "not the password at all");

        await Expect(owner.Alert).ToContainTextAsync("invalid_credentials");
        await owner.ExpectAccessibleAsync();
        await owner.SignInAsync(email);
        await owner.ExpectHeadingAsync("Create your company");
        (await owner.Page.EvaluateAsync<int>("() => localStorage.length")).Should().Be(0, "no token is kept in localStorage");
        var refreshToken = await owner.Page.EvaluateAsync<string>("() => sessionStorage.getItem('cleanrag.dashboard.refresh')");
        refreshToken.Should().NotBeNullOrEmpty();
        (await owner.Page.EvaluateAsync<int>("() => sessionStorage.length")).Should().Be(1, "the access token lives only in memory");

        await owner.Page.ReloadAsync();

        await owner.ExpectHeadingAsync("Create your company");
        var rotated = await owner.Page.EvaluateAsync<string>("() => sessionStorage.getItem('cleanrag.dashboard.refresh')");
        rotated.Should().NotBe(refreshToken, "a reload spends the refresh token for new tokens, as the API rotates them");
        using var client = WidgetHost.Api.CreateClient();
        (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_expired_access_token_is_refreshed_once_and_the_screen_still_loads()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerAsync();
        var refreshToken = await owner.Page.EvaluateAsync<string>("() => sessionStorage.getItem('cleanrag.dashboard.refresh')");
        // The next project list is refused as with an expired token; the dashboard must refresh and ask again.
        var refused = 0;
        await owner.Page.RouteAsync("**/v1/projects", async route =>
        {
            if (Interlocked.Increment(ref refused) == 1)
                await route.FulfillAsync(new() { Status = 401, ContentType = "application/json",
                    Body = """{"error":"The access token has expired.","code":"unauthorized","status":401}""" });
            else
                await route.ContinueAsync();
        });

        await owner.Link("Members").ClickAsync();

        await owner.ExpectHeadingAsync("Members");
        refused.Should().Be(2, "the refused call was made again after the refresh");
        (await owner.Page.EvaluateAsync<string>("() => sessionStorage.getItem('cleanrag.dashboard.refresh')")).Should().NotBe(refreshToken);
    }

    [Test]
    public async Task An_invitee_accepts_through_the_emailed_link_and_the_owner_changes_their_role_removes_them_and_cannot_step_down_as_last_owner()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.NewOwnerAsync();
        await owner.Link("Members").ClickAsync();
        await owner.ExpectHeadingAsync("Members");
        var invitee = DashboardPage.NewEmail();
        await owner.Field("Email").FillAsync(invitee);
        await owner.Page.GetByRole(AriaRole.Combobox, new() { Name = "Role", Exact = true }).SelectOptionAsync("member");
        await owner.Button("Send invite").ClickAsync();
        await Expect(owner.Row(invitee)).ToContainTextAsync("invited");

        // The invitee opens the emailed dashboard link in their own tab (own session), signs up and accepts.
        var member = new DashboardPage(await NewWatchedPageAsync());
        await member.OpenAsync($"/app/invite/{await InviteTokenForAsync(invitee)}");
        await member.ExpectHeadingAsync("Sign in");
        await member.Link("Create an account").ClickAsync();
        await member.Field("Your name").FillAsync("Max Member");
        await member.Field("Email").FillAsync(invitee);
        await member.Field("Password").FillAsync(DashboardPage.Password);
        await member.Button("Sign up").ClickAsync();
        await member.ExpectHeadingAsync("Accept an invite");
        await member.Button("Accept invite").ClickAsync();
        await Expect(member.Status).ToContainTextAsync("You joined Northwind Optics as member.");

        await owner.Page.ReloadAsync();
        await Expect(owner.Row(invitee)).ToContainTextAsync("active");
        await owner.Page.GetByRole(AriaRole.Combobox, new() { Name = $"Role of {invitee}" }).SelectOptionAsync("admin");
        await Expect(owner.Status).ToHaveTextAsync($"{invitee} is now admin.");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-members");
        owner.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = $"Remove {invitee}" }).ClickAsync();
        await Expect(owner.Row(invitee)).ToHaveCountAsync(0);

        var self = owner.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "(you)" });
        await self.GetByRole(AriaRole.Combobox).SelectOptionAsync("member");
        await Expect(owner.Alert).ToContainTextAsync("owner");
        await Expect(self.GetByRole(AriaRole.Combobox)).ToHaveValueAsync("owner");
    }

    [Test]
    public async Task Signing_out_ends_the_session_on_the_server_and_a_forgotten_password_is_reset_through_the_emailed_link()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        var email = DashboardPage.NewEmail();
        await owner.SignUpAsync(email);
        await owner.ExpectHeadingAsync("Create your company");
        var refreshToken = await owner.Page.EvaluateAsync<string>("() => sessionStorage.getItem('cleanrag.dashboard.refresh')");

        await owner.Button("Sign out").ClickAsync();

        await owner.ExpectHeadingAsync("Sign in");
        using var client = WidgetHost.Api.CreateClient();
        (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken })).StatusCode.Should().Be(HttpStatusCode.Unauthorized,
            "signing out revokes the session's refresh tokens, not only the tab's copy");

        await owner.Link("Forgot your password?").ClickAsync();
        await owner.ExpectHeadingAsync("Reset your password");
        await owner.Field("Email").FillAsync(email);
        await owner.Button("Email me a link").ClickAsync();
        await Expect(owner.Status).ToContainTextAsync("If an account has this email");
        await owner.OpenAsync($"/app/reset-password#token={await MailedAsync(email, "#token=([A-Za-z0-9_-]+)")}");
        await owner.ExpectHeadingAsync("Choose a new password");
        await owner.ExpectAccessibleAsync();
        await owner.Field("New password").FillAsync("a brand new correct horse");
        await owner.Button("Set the new password").ClickAsync();
        await Expect(owner.Status).ToContainTextAsync("Your password is changed");
        await owner.ExpectHeadingAsync("Sign in");
        await owner.SignInAsync(email, "a brand new correct horse");
        await owner.ExpectHeadingAsync("Create your company");
    }

    /// <summary>The token of the latest invite mailed to <paramref name="email"/>, read from the outbox table.</summary>
    private static Task<string> InviteTokenForAsync(string email) => MailedAsync(email, "/app/invite/([^ ]+) ");

    /// <summary>What <paramref name="pattern"/>'s group captures in the latest mail to <paramref name="email"/> (the outbox table).</summary>
    private static async Task<string> MailedAsync(string email, string pattern)
    {
        await using var session = WidgetHost.Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var mail = await session.Query<OutboundEmail>().Where(m => m.To == email).OrderByDescending(m => m.QueuedAt).FirstAsync();
        return Regex.Match(mail.Body, pattern).Groups[1].Value;
    }

    [Test]
    public async Task Another_company_s_project_address_shows_the_api_s_not_found_error_and_none_of_its_data()
    {
        var first = new DashboardPage(await NewWatchedPageAsync());
        await first.NewOwnerAsync("Northwind Optics");
        var projectId = await first.CreateProjectAsync("Northwind Secrets");

        var second = new DashboardPage(await NewWatchedPageAsync());
        await second.NewOwnerAsync("Contoso Dental");
        await second.OpenAsync($"/app/projects/{projectId}/knowledge");

        await second.ExpectHeadingAsync("Something went wrong");
        await Expect(second.Alert).ToContainTextAsync("404");
        await Expect(second.Page.GetByText("Northwind Secrets")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task On_a_phone_the_navigation_folds_behind_a_menu_button_that_works_with_the_keyboard()
    {
        var owner = new DashboardPage(await NewWatchedPageAsync());
        await owner.Page.SetViewportSizeAsync(390, 844);
        await owner.NewOwnerAsync();
        var projectsLink = owner.Navigation.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true });
        await Expect(projectsLink).ToBeHiddenAsync();

        var menu = owner.Button("Menu");
        await menu.FocusAsync();
        await owner.Page.Keyboard.PressAsync("Enter");

        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(projectsLink).ToBeVisibleAsync();
        var documentWidth = await owner.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        documentWidth.Should().BeLessThanOrEqualTo(390, "nothing overflows the phone's width");
        await owner.ExpectAccessibleAsync();
        await owner.ScreenshotAsync("dashboard-phone");
    }
}
