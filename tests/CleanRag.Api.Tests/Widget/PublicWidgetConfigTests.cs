using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Plans;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Widget;

/// <summary>The widget's public config: snake_case, for live (or indexing) projects with the widget on, readable by allowed pages only.</summary>
public class PublicWidgetConfigTests
{
    private LiveProject _project = null!;

    [OneTimeSetUp]
    public async Task DeployAProjectWithItsWidget()
    {
        _project = await LiveProject.CreateAsync();
        var configured = await _project.Owner.Client.PatchAsJsonAsync($"/v1/projects/{_project.ProjectId}/widget-config", new
        {
            displayName = "Ava",
            color = "#0A0B0C",
            gradientStops = new[] { "#0A0B0C", "#FFFFFF" },
            showBranding = false,
            customCss = ".bubble { border-radius: 4px; }",
            officeHours = new
            {
                enabled = true,
                timeZone = "Europe/Paris",
                weekly = Enum.GetNames<DayOfWeek>().Select(day => new { day = day.ToLowerInvariant(), open = "00:00", close = "24:00" }).ToArray(),
            },
        });
        configured.StatusCode.Should().Be(HttpStatusCode.OK, await configured.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(string path, string? origin = LiveProject.SiteOrigin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await TestActors.Anonymous().SendAsync(request);
    }

    [Test]
    public async Task Both_routes_answer_the_contracts_snake_case_body()
    {
        foreach (var path in new[] { $"/api/widget/config?id={_project.ProjectId}", $"/v1/widget/{_project.ProjectId}/config" })
        {
            var response = await GetAsync(path);

            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromSeconds(60));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("project_id").GetGuid().Should().Be(_project.ProjectId);
            body.GetProperty("name").GetString().Should().Be("Ava");
            var settings = body.GetProperty("settings");
            settings.GetProperty("color").GetString().Should().Be("#0A0B0C");
            settings.GetProperty("gradient_stops").EnumerateArray().Select(s => s.GetString()).Should().Equal("#0A0B0C", "#FFFFFF");
            settings.GetProperty("position").GetString().Should().Be("bottom-right");
            settings.GetProperty("welcome").GetString().Should().NotBeNullOrEmpty();
            settings.GetProperty("avatar").ValueKind.Should().Be(JsonValueKind.Null);
            settings.GetProperty("custom_css").GetString().Should().Be(".bubble { border-radius: 4px; }", "the default plan allows custom CSS");
            var hours = body.GetProperty("office_hours");
            hours.GetProperty("enabled").GetBoolean().Should().BeTrue();
            hours.GetProperty("time_zone").GetString().Should().Be("Europe/Paris");
            hours.GetProperty("weekly").GetArrayLength().Should().Be(7);
            hours.GetProperty("weekly")[0].GetProperty("close").GetString().Should().Be("24:00");
            hours.GetProperty("open_now").GetBoolean().Should().BeTrue("open around the clock");
            hours.GetProperty("next_open_at").ValueKind.Should().Be(JsonValueKind.Null);
            hours.GetProperty("closed_message").GetString().Should().NotBeNullOrEmpty();
            body.GetProperty("plan_features").GetProperty("custom_css").GetBoolean().Should().BeTrue();
        }
    }

    [Test]
    public async Task Branding_stays_on_when_the_plan_does_not_allow_removing_it()
    {
        var project = await LiveProject.CreateAsync();
        (await project.Owner.Client.PatchAsJsonAsync($"/v1/projects/{project.ProjectId}/widget-config", new { showBranding = false }))
            .EnsureSuccessStatusCode();
        await PlanOperator.SetAsync(project.Owner.CompanyId, "pro");

        var body = await (await GetAsync($"/api/widget/config?id={project.ProjectId}")).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("plan_features").GetProperty("remove_branding").GetBoolean().Should().BeFalse("appsettings.json's pro plan");
        body.GetProperty("settings").GetProperty("show_branding").GetBoolean().Should().BeTrue("the owner's false is overridden by the plan");
    }

    [Test]
    public async Task Outside_office_hours_the_config_says_closed_and_when_it_opens()
    {
        var project = await LiveProject.CreateAsync();
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        // Open only on a day other than today in Tokyo: closed now, opening within the week at 09:00 Tokyo time.
        var otherDay = today.AddDays(3).DayOfWeek.ToString().ToLowerInvariant();
        (await project.Owner.Client.PatchAsJsonAsync($"/v1/projects/{project.ProjectId}/widget-config", new
        {
            officeHours = new { enabled = true, timeZone = "Asia/Tokyo", weekly = new[] { new { day = otherDay, open = "09:00", close = "17:00" } } },
        })).EnsureSuccessStatusCode();

        var hours = (await (await GetAsync($"/api/widget/config?id={project.ProjectId}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("office_hours");

        hours.GetProperty("open_now").GetBoolean().Should().BeFalse();
        var next = hours.GetProperty("next_open_at").GetDateTimeOffset();
        var nextInTokyo = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        nextInTokyo.DayOfWeek.ToString().ToLowerInvariant().Should().Be(otherDay);
        nextInTokyo.TimeOfDay.Should().Be(TimeSpan.FromHours(9));
        next.Should().BeAfter(DateTimeOffset.UtcNow).And.BeBefore(DateTimeOffset.UtcNow.AddDays(7));
    }

    [Test]
    public async Task An_allowed_page_may_read_the_config_and_a_foreign_one_may_not()
    {
        var allowed = await GetAsync($"/api/widget/config?id={_project.ProjectId}");
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        allowed.Headers.Vary.Should().Contain("Origin");

        var foreign = await GetAsync($"/api/widget/config?id={_project.ProjectId}", "https://evil.example");
        foreign.StatusCode.Should().Be(HttpStatusCode.OK, "the config is public; the browser keeps a foreign page from reading it");
        foreign.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Test]
    public async Task A_preflight_is_admitted_only_for_the_projects_origins()
    {
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, $"/v1/widget/{_project.ProjectId}/config");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            return await TestActors.Anonymous().SendAsync(request);
        }

        var allowed = await PreflightAsync(LiveProject.SiteOrigin);
        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        allowed.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("GET");

        var foreign = await PreflightAsync("https://evil.example");
        foreign.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Test]
    public async Task Unknown_draft_archived_and_widget_disabled_projects_are_404()
    {
        var owner = await TestActors.NewOwnerAsync();
        var draft = (await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Draft", widgetEnabled = true }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var disabled = await LiveProject.CreateAsync(new { name = "No widget", allowedOrigins = new[] { LiveProject.SiteOrigin } });
        var archived = await LiveProject.CreateAsync();
        (await archived.Owner.Client.DeleteAsync($"/v1/projects/{archived.ProjectId}")).EnsureSuccessStatusCode();

        foreach (var projectId in new[] { Guid.NewGuid(), draft, disabled.ProjectId, archived.ProjectId })
        {
            await (await GetAsync($"/api/widget/config?id={projectId}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await GetAsync($"/v1/widget/{projectId}/config")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        }
    }

    [TestCase("/api/widget/config")]
    [TestCase("/api/widget/config?id=")]
    [TestCase("/api/widget/config?id=not-a-uuid")]
    [TestCase("/v1/widget/not-a-uuid/config")]
    public async Task A_missing_or_malformed_id_is_a_400(string path)
    {
        await (await GetAsync(path)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
