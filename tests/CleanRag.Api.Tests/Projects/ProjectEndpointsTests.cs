using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Projects;

public class ProjectEndpointsTests
{
    private static async Task<JsonElement> CreateProjectAsync(TestActor actor, object? body = null)
    {
        var response = await actor.Client.PostAsJsonAsync("/v1/projects", body ?? new { name = "Support bot", description = "FAQ" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task A_member_creates_a_draft_project_that_inherits_the_workspace_defaults()
    {
        var owner = await TestActors.NewOwnerAsync();
        (await owner.Client.PatchAsJsonAsync("/v1/companies/settings",
            new { allowedOrigins = new[] { "https://help.example.com" }, systemPrompt = "Answer politely." })).EnsureSuccessStatusCode();
        var member = await TestActors.JoinAsync(owner, "member");

        var project = await CreateProjectAsync(member);

        project.GetProperty("status").GetString().Should().Be("draft");
        project.GetProperty("companyId").GetGuid().Should().Be(owner.CompanyId);
        var settings = project.GetProperty("settings");
        settings.GetProperty("allowedOrigins")[0].GetString().Should().Be("https://help.example.com");
        settings.GetProperty("systemPrompt").GetString().Should().Be("Answer politely.");
        settings.GetProperty("questionMaxLength").GetInt32().Should().Be(1000);
    }

    [Test]
    public async Task Settings_on_create_need_an_admin()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var withOrigins = new { name = "Bot", allowedOrigins = new[] { "https://a.example.com" } };

        await (await member.Client.PostAsJsonAsync("/v1/projects", withOrigins)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var created = await CreateProjectAsync(owner, withOrigins);

        created.GetProperty("settings").GetProperty("allowedOrigins")[0].GetString().Should().Be("https://a.example.com");
    }

    [Test]
    public async Task Invalid_project_input_is_a_400_with_per_field_messages()
    {
        var owner = await TestActors.NewOwnerAsync();

        var response = await owner.Client.PostAsJsonAsync("/v1/projects", new
        {
            name = "",
            unknownField = "ignored",
            allowedOrigins = new[] { "ftp://files.example.com" },
            retrieval = new { topK = 0 },
            indexing = new { chunkOverlap = 0.9 },
        });

        var errors = (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.GetProperty("name")[0].GetString().Should().Be("name is required.");
        errors.TryGetProperty("settings.allowedOrigins", out _).Should().BeTrue(errors.ToString());
        errors.TryGetProperty("settings.retrieval.topK", out _).Should().BeTrue(errors.ToString());
        errors.TryGetProperty("settings.indexing.chunkOverlap", out _).Should().BeTrue(errors.ToString());
    }

    [Test]
    public async Task Projects_are_listed_and_read_by_members()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var first = await CreateProjectAsync(owner, new { name = "First" });
        var second = await CreateProjectAsync(member, new { name = "Second" });

        var list = (await member.Client.GetFromJsonAsync<JsonElement>("/v1/projects")).EnumerateArray().ToList();
        var single = await member.Client.GetAsync($"/v1/projects/{first.GetProperty("id").GetGuid()}");

        list.Select(p => p.GetProperty("name").GetString()).Should().Equal("Second", "First");
        single.StatusCode.Should().Be(HttpStatusCode.OK);
        single.Headers.ETag!.Tag.Should().Be("\"v1\"");
        second.GetProperty("version").GetInt64().Should().Be(1);
    }

    [Test]
    public async Task Only_admins_update_projects()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var admin = await TestActors.JoinAsync(owner, "admin");
        var id = (await CreateProjectAsync(owner)).GetProperty("id").GetGuid();

        await (await member.Client.PatchAsJsonAsync($"/v1/projects/{id}", new { name = "Nope" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var updated = await admin.Client.PatchAsJsonAsync($"/v1/projects/{id}", new
        {
            name = "Renamed",
            systemPrompt = "Cite sources.",
            model = "gpt-4o-mini",
            questionMaxLength = 500,
            retrieval = new { topK = 4, minimumRelevance = 0.3 },
            indexing = new { chunkSize = 300 },
        });

        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        var project = await updated.Content.ReadFromJsonAsync<JsonElement>();
        project.GetProperty("name").GetString().Should().Be("Renamed");
        project.GetProperty("settings").GetProperty("retrieval").GetProperty("topK").GetInt32().Should().Be(4);
        project.GetProperty("settings").GetProperty("retrieval").TryGetProperty("lexicalWeight", out _).Should().BeFalse("unset, the embedder's default fusion applies");
        project.GetProperty("settings").GetProperty("indexing").GetProperty("chunkSize").GetInt32().Should().Be(300);
        project.GetProperty("version").GetInt64().Should().Be(3);
        updated.Headers.ETag!.Tag.Should().Be("\"v3\"");
    }

    [Test]
    public async Task A_concurrent_edit_is_a_409_when_If_Match_is_stale()
    {
        var owner = await TestActors.NewOwnerAsync();
        var id = (await CreateProjectAsync(owner)).GetProperty("id").GetGuid();
        (await owner.Client.PatchAsJsonAsync($"/v1/projects/{id}", new { name = "Someone else's edit" })).EnsureSuccessStatusCode();

        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/projects/{id}") { Content = JsonContent.Create(new { name = "Mine" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
        var response = await owner.Client.SendAsync(request);

        await response.ShouldBeErrorAsync(HttpStatusCode.Conflict, "concurrency_conflict");
    }

    [Test]
    public async Task Racing_edits_of_one_project_never_both_win()
    {
        var owner = await TestActors.NewOwnerAsync();
        var id = (await CreateProjectAsync(owner)).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/projects/{id}") { Content = JsonContent.Create(new { name = $"Edit {i}" }) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
            return owner.Client.SendAsync(request);
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(7);
    }

    [Test]
    public async Task An_archived_project_stays_readable_and_cannot_be_edited()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var id = (await CreateProjectAsync(owner)).GetProperty("id").GetGuid();

        await (await member.Client.DeleteAsync($"/v1/projects/{id}")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var archived = await owner.Client.DeleteAsync($"/v1/projects/{id}");

        archived.StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{id}")).GetProperty("status").GetString().Should().Be("archived");
        (await owner.Client.GetFromJsonAsync<JsonElement>("/v1/projects")).EnumerateArray().Should().BeEmpty();
        (await owner.Client.GetFromJsonAsync<JsonElement>("/v1/projects?includeArchived=true")).EnumerateArray().Should().HaveCount(1);
        await (await owner.Client.PatchAsJsonAsync($"/v1/projects/{id}", new { name = "x" })).ShouldBeErrorAsync(HttpStatusCode.Conflict, "project_archived");
    }

    [Test]
    public async Task The_overview_shows_set_up_progress()
    {
        var owner = await TestActors.NewOwnerAsync();
        var id = (await CreateProjectAsync(owner, new { name = "Bot", allowedOrigins = new[] { "https://a.example.com" } })).GetProperty("id").GetGuid();

        var overview = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{id}/overview");

        overview.GetProperty("status").GetString().Should().Be("draft");
        overview.GetProperty("documentsUploaded").GetInt32().Should().Be(0);
        overview.GetProperty("keyIssued").GetBoolean().Should().BeFalse();
        overview.GetProperty("allowedOriginsSet").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task The_event_history_replays_the_project_as_it_stood_at_a_version_or_time()
    {
        var owner = await TestActors.NewOwnerAsync();
        var id = (await CreateProjectAsync(owner, new { name = "Original" })).GetProperty("id").GetGuid();
        await Task.Delay(50);
        var betweenEdits = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        (await owner.Client.PatchAsJsonAsync($"/v1/projects/{id}", new { name = "Renamed" })).EnsureSuccessStatusCode();

        var all = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{id}/events");
        var atVersion = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{id}/events?version=1");
        var atTime = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{id}/events?asOf={Uri.EscapeDataString(betweenEdits.ToString("O"))}");

        all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().Equal("project_created", "project_renamed");
        all.GetProperty("events")[0].GetProperty("actorId").GetGuid().Should().Be(owner.UserId);
        atVersion.GetProperty("state").GetProperty("name").GetString().Should().Be("Original");
        atVersion.GetProperty("events").GetArrayLength().Should().Be(1);
        atTime.GetProperty("state").GetProperty("name").GetString().Should().Be("Original");
    }

    [Test]
    public async Task The_activity_feed_lists_the_workspace_events_newest_first()
    {
        var owner = await TestActors.NewOwnerAsync();
        await CreateProjectAsync(owner);

        var items = await Eventually.GetAsync(async () =>
        {
            var page = await owner.Client.GetFromJsonAsync<JsonElement>("/v1/activity?pageSize=10");
            var entries = page.GetProperty("items").EnumerateArray().ToList();
            return entries.Count >= 2 ? entries : null;
        }, what: "activity of company and project creation");

        items.Select(i => i.GetProperty("eventType").GetString()).Should().Equal("project_created", "company_created");
        items[0].GetProperty("actorId").GetGuid().Should().Be(owner.UserId);
    }

    [Test]
    public async Task Another_company_gets_404_for_every_project_route()
    {
        var owner = await TestActors.NewOwnerAsync();
        var stranger = await TestActors.NewOwnerAsync("Other Co");
        var id = (await CreateProjectAsync(owner)).GetProperty("id").GetGuid();

        foreach (var response in new[]
                 {
                     await stranger.Client.GetAsync($"/v1/projects/{id}"),
                     await stranger.Client.PatchAsJsonAsync($"/v1/projects/{id}", new { name = "x" }),
                     await stranger.Client.DeleteAsync($"/v1/projects/{id}"),
                     await stranger.Client.GetAsync($"/v1/projects/{id}/overview"),
                     await stranger.Client.GetAsync($"/v1/projects/{id}/events"),
                 })
        {
            await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        }
        (await stranger.Client.GetFromJsonAsync<JsonElement>("/v1/projects")).EnumerateArray().Should().BeEmpty();
        var activity = await stranger.Client.GetFromJsonAsync<JsonElement>("/v1/activity");
        activity.GetProperty("items").EnumerateArray().Should().NotContain(i => i.GetProperty("streamId").GetGuid() == id);
    }
}
