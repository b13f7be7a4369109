using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.Widget;

/// <summary>The dashboard's widget settings: members read them, admins change them, partially and validated.</summary>
public class WidgetConfigEndpointTests
{
    private static async Task<(TestActor Owner, Guid ProjectId)> NewProjectAsync(string name = "Support")
    {
        var owner = await TestActors.NewOwnerAsync();
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name })).Content.ReadFromJsonAsync<JsonElement>();
        return (owner, project.GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> PatchAsync(TestActor actor, Guid projectId, object body) =>
        actor.Client.PatchAsJsonAsync($"/v1/projects/{projectId}/widget-config", body);

    [Test]
    public async Task A_new_project_has_the_default_widget_named_after_the_project()
    {
        var (owner, projectId) = await NewProjectAsync("Help desk");

        var response = await owner.Client.GetAsync($"/v1/projects/{projectId}/widget-config");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().NotBeNull();
        var config = await response.Content.ReadFromJsonAsync<JsonElement>();
        config.GetProperty("projectId").GetGuid().Should().Be(projectId);
        config.GetProperty("displayName").GetString().Should().Be("Help desk");
        config.GetProperty("position").GetString().Should().Be("bottom-right");
        config.GetProperty("showBranding").GetBoolean().Should().BeTrue();
        config.GetProperty("officeHours").GetProperty("enabled").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task An_admin_changes_only_the_fields_sent()
    {
        var (owner, projectId) = await NewProjectAsync();
        (await PatchAsync(owner, projectId, new { welcome = "Hello there", color = "#112233" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await PatchAsync(owner, projectId, new
        {
            position = "bottom-left",
            gradientStops = new[] { "#000000", "#FFFFFF" },
            avatar = "https://cdn.example.com/ava.png",
            customCss = ".header { font-weight: 600; }",
            officeHours = new
            {
                enabled = true,
                timeZone = "Europe/Paris",
                weekly = new[] { new { day = "monday", open = "09:00", close = "12:00" }, new { day = "monday", open = "14:00", close = "24:00" } },
                closedMessage = "We answer on Mondays.",
            },
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var config = await (await owner.Client.GetAsync($"/v1/projects/{projectId}/widget-config")).Content.ReadFromJsonAsync<JsonElement>();
        config.GetProperty("welcome").GetString().Should().Be("Hello there", "absent fields are unchanged");
        config.GetProperty("color").GetString().Should().Be("#112233");
        config.GetProperty("position").GetString().Should().Be("bottom-left");
        config.GetProperty("gradientStops").EnumerateArray().Select(s => s.GetString()).Should().Equal("#000000", "#FFFFFF");
        config.GetProperty("avatar").GetString().Should().Be("https://cdn.example.com/ava.png");
        var hours = config.GetProperty("officeHours");
        hours.GetProperty("timeZone").GetString().Should().Be("Europe/Paris");
        hours.GetProperty("weekly")[1].GetProperty("close").GetString().Should().Be("24:00");
        hours.GetProperty("closedMessage").GetString().Should().Be("We answer on Mondays.");

        var cleared = await (await PatchAsync(owner, projectId, new { avatar = "", customCss = "" })).Content.ReadFromJsonAsync<JsonElement>();
        cleared.TryGetProperty("avatar", out _).Should().BeFalse("an empty string clears the avatar");
        cleared.TryGetProperty("customCss", out _).Should().BeFalse();
        cleared.GetProperty("color").GetString().Should().Be("#112233");
    }

    [Test]
    public async Task The_change_is_a_WidgetConfigured_event_in_the_projects_history()
    {
        var (owner, projectId) = await NewProjectAsync();
        await PatchAsync(owner, projectId, new { welcome = "Hi" });

        var history = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{projectId}/events");

        history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().Contain("widget_configured");
    }

    [Test]
    public async Task A_member_reads_the_settings_but_may_not_change_them()
    {
        var (owner, projectId) = await NewProjectAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var admin = await TestActors.JoinAsync(owner, "admin");

        (await member.Client.GetAsync($"/v1/projects/{projectId}/widget-config")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await PatchAsync(member, projectId, new { welcome = "Hi" })).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        (await PatchAsync(admin, projectId, new { welcome = "Hi" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Without_a_token_the_settings_are_401()
    {
        var (_, projectId) = await NewProjectAsync();

        await (await TestActors.Anonymous().GetAsync($"/v1/projects/{projectId}/widget-config")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Unknown_and_other_companies_projects_are_404()
    {
        var (_, othersProject) = await NewProjectAsync();
        var (owner, _) = await NewProjectAsync();

        foreach (var projectId in new[] { othersProject, Guid.NewGuid() })
        {
            await (await owner.Client.GetAsync($"/v1/projects/{projectId}/widget-config")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await PatchAsync(owner, projectId, new { welcome = "Hi" })).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        }
    }

    [Test]
    public async Task An_archived_projects_widget_cannot_be_changed()
    {
        var (owner, projectId) = await NewProjectAsync();
        (await owner.Client.DeleteAsync($"/v1/projects/{projectId}")).EnsureSuccessStatusCode();

        await (await PatchAsync(owner, projectId, new { welcome = "Hi" })).ShouldBeErrorAsync(HttpStatusCode.Conflict, "project_archived");
    }

    private static IEnumerable<TestCaseData> InvalidSettings()
    {
        yield return new TestCaseData(new { color = "red" }, "color").SetName("color must be #RRGGBB");
        yield return new TestCaseData(new { color = "#12345" }, "color").SetName("color must have six digits");
        yield return new TestCaseData(new { gradientStops = Array.Empty<string>() }, "gradientStops").SetName("gradient needs a stop");
        yield return new TestCaseData(new { gradientStops = Enumerable.Repeat("#000000", 6).ToArray() }, "gradientStops").SetName("gradient holds at most five stops");
        yield return new TestCaseData(new { gradientStops = new[] { "#000000", "blue" } }, "gradientStops").SetName("gradient stops are #RRGGBB");
        yield return new TestCaseData(new { position = "top-left" }, "position").SetName("position is bottom-right or bottom-left");
        yield return new TestCaseData(new { avatar = "http://cdn.example.com/a.png" }, "avatar").SetName("avatar must be https");
        yield return new TestCaseData(new { avatar = "/a.png" }, "avatar").SetName("avatar must be absolute");
        yield return new TestCaseData(new { customCss = new string('a', 10_001) }, "customCss").SetName("custom css is at most 10000 characters");
        yield return new TestCaseData(new { customCss = "a{}</STYLE><script>alert(1)</script>" }, "customCss").SetName("custom css cannot close the style element");
        yield return new TestCaseData(new { customCss = "@import url(https://evil.example/x.css);" }, "customCss").SetName("custom css cannot import");
        yield return new TestCaseData(new { welcome = "  " }, "welcome").SetName("welcome is not blank");
        yield return new TestCaseData(new { officeHours = new { timeZone = "Mars/Olympus" } }, "officeHours.timeZone").SetName("time zone must be known");
        yield return new TestCaseData(new { officeHours = new { weekly = new[] { new { day = "funday", open = "09:00", close = "17:00" } } } }, "officeHours.weekly[0].day").SetName("day must be a weekday name");
        yield return new TestCaseData(new { officeHours = new { weekly = new[] { new { day = "monday", open = "9:00", close = "17:00" } } } }, "officeHours.weekly[0].open").SetName("open must be HH:mm");
        yield return new TestCaseData(new { officeHours = new { weekly = new[] { new { day = "monday", open = "09:00", close = "24:30" } } } }, "officeHours.weekly[0].close").SetName("close must be a time of day");
        yield return new TestCaseData(new { officeHours = new { weekly = new[] { new { day = "monday", open = "17:00", close = "09:00" } } } }, "officeHours.weekly[0].close").SetName("open must be before close");
        yield return new TestCaseData(new { officeHours = new { weekly = new[] { new { day = "monday", open = "09:00", close = "09:00" } } } }, "officeHours.weekly[0].close").SetName("an empty range is refused");
    }

    [TestCaseSource(nameof(InvalidSettings))]
    public async Task Invalid_settings_are_a_400_naming_the_field(object body, string field)
    {
        var (owner, projectId) = await NewProjectAsync();

        var error = await (await PatchAsync(owner, projectId, body)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        error.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field, error.ToString());
    }

    [Test]
    public async Task A_malformed_body_is_a_400()
    {
        var (owner, projectId) = await NewProjectAsync();

        var response = await owner.Client.PatchAsync($"/v1/projects/{projectId}/widget-config",
            new StringContent("{\"color\": 5}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
