using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;

namespace CleanRag.Api.Tests.Evaluation;

public class TestPromptEndpointsTests
{
    private static string Prompts(Guid projectId, string path = "") => $"/v1/projects/{projectId}/test-prompts{path}";

    private static async Task<JsonElement> AddAsync(TestActor admin, Guid projectId, object prompt)
    {
        var response = await admin.Client.PostAsJsonAsync(Prompts(projectId), prompt);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task An_admin_saves_changes_and_removes_prompts_and_the_list_shows_them_oldest_first()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("benefits.md", DocumentApi.Text("# Vision\n\nGlasses are covered up to 150 dollars per year."));

        var first = await AddAsync(api.Actor, api.ProjectId,
            new { question = "  How much of my glasses is covered? ", expectedDocumentId = documentId, mustContain = new[] { "150", " dollars" } });
        var second = await AddAsync(api.Actor, api.ProjectId, new { question = "What is the capital of Peru?", mustRefuse = true });

        first.GetProperty("question").GetString().Should().Be("How much of my glasses is covered?");
        first.GetProperty("mustContain").EnumerateArray().Select(w => w.GetString()).Should().Equal("150", "dollars");
        var listed = await api.Actor.Client.GetFromJsonAsync<JsonElement>(Prompts(api.ProjectId));
        listed.EnumerateArray().Select(p => p.GetProperty("id").GetGuid())
            .Should().Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());

        var firstRoute = Prompts(api.ProjectId, $"/{first.GetProperty("id").GetGuid()}");
        var renamed = await (await api.Actor.Client.PatchAsJsonAsync(firstRoute, new { question = "What do glasses cost me?" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        renamed.GetProperty("question").GetString().Should().Be("What do glasses cost me?");
        renamed.GetProperty("expectedDocumentId").GetGuid().Should().Be(documentId, "a question alone leaves the expectation as it was");

        var refusing = await (await api.Actor.Client.PatchAsJsonAsync(firstRoute, new { mustRefuse = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        refusing.GetProperty("mustRefuse").GetBoolean().Should().BeTrue();
        refusing.GetProperty("mustContain").GetArrayLength().Should().Be(0, "an expectation field sent replaces the whole expectation");
        refusing.TryGetProperty("expectedDocumentId", out _).Should().BeFalse();

        (await api.Actor.Client.DeleteAsync(firstRoute)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await api.Actor.Client.GetFromJsonAsync<JsonElement>(Prompts(api.ProjectId))).EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).Should().Equal(second.GetProperty("id").GetGuid());
        await (await api.Actor.Client.PatchAsJsonAsync(firstRoute, new { question = "Back?" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "test_prompt_not_found");
    }

    [Test]
    public async Task Bad_prompts_are_refused_with_400_naming_the_field()
    {
        var api = await DocumentApi.NewProjectAsync();
        var elsewhere = await DocumentApi.NewProjectAsync(api.Actor);
        var foreignDocument = await elsewhere.UploadOneAsync("other.md", DocumentApi.Text("# Other\n\nSomething else entirely."));

        async Task<JsonElement> Refused(object prompt) =>
            await (await api.Actor.Client.PostAsJsonAsync(Prompts(api.ProjectId), prompt)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        (await Refused(new { question = "  " })).GetProperty("errors").TryGetProperty("question", out _).Should().BeTrue();
        (await Refused(new { question = new string('q', 1_001) })).GetProperty("errors").TryGetProperty("question", out _).Should().BeTrue();
        (await Refused(new { question = "Peru?", mustRefuse = true, expectedDocument = "benefits.md" }))
            .GetProperty("errors").TryGetProperty("mustRefuse", out _).Should().BeTrue();
        (await Refused(new { question = "Which page?", expectedPage = 3 })).GetProperty("errors").TryGetProperty("expectedPage", out _).Should().BeTrue();
        (await Refused(new { question = "Theirs?", expectedDocumentId = foreignDocument }))
            .GetProperty("errors").TryGetProperty("expectedDocumentId", out _).Should().BeTrue();
        (await Refused(new { question = "Many words?", mustContain = Enumerable.Range(0, 21).Select(i => $"w{i}") }))
            .GetProperty("errors").TryGetProperty("mustContain", out _).Should().BeTrue();
    }

    [Test]
    public async Task Members_read_prompts_but_only_admins_write_them_or_start_runs()
    {
        var api = await DocumentApi.NewProjectAsync();
        var saved = await AddAsync(api.Actor, api.ProjectId, new { question = "Is dental covered?" });
        var member = await TestActors.JoinAsync(api.Actor, "member");

        (await member.Client.GetAsync(Prompts(api.ProjectId))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Client.GetAsync($"/v1/projects/{api.ProjectId}/test-runs")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PostAsJsonAsync(Prompts(api.ProjectId), new { question = "Mine?" })).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.PatchAsJsonAsync(Prompts(api.ProjectId, $"/{saved.GetProperty("id").GetGuid()}"), new { question = "Changed?" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.DeleteAsync(Prompts(api.ProjectId, $"/{saved.GetProperty("id").GetGuid()}")))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/test-runs", new { }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Another_companys_project_and_its_prompts_and_runs_answer_404()
    {
        var api = await DocumentApi.NewProjectAsync();
        var saved = await AddAsync(api.Actor, api.ProjectId, new { question = "Is dental covered?" });
        var run = await (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/test-runs", new { }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var stranger = await TestActors.NewOwnerAsync("Contoso");

        await (await stranger.Client.GetAsync(Prompts(api.ProjectId))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.PostAsJsonAsync(Prompts(api.ProjectId), new { question = "Theirs?" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.DeleteAsync(Prompts(api.ProjectId, $"/{saved.GetProperty("id").GetGuid()}")))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.GetAsync(Prompts(api.ProjectId, "/suggested"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/test-runs", new { }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.GetAsync($"/v1/projects/{api.ProjectId}/test-runs/{run.GetProperty("id").GetGuid()}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "test_run_not_found");
    }

    [Test]
    public async Task Suggested_prompts_come_from_an_uploaded_markdown_file_and_are_saved_only_when_posted()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("plus_benefits.md", DocumentApi.Text(
            "# Vision\n\nThe Plus plan covers one eye exam per year. Glasses are covered up to 150 dollars per year.\n\n" +
            "# Dental\n\nDental cleanings are twice a year at no cost."));
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();

        var suggested = (await api.Actor.Client.GetFromJsonAsync<JsonElement>(Prompts(api.ProjectId, "/suggested?limit=3"))).EnumerateArray().ToList();

        suggested.Select(s => s.GetProperty("question").GetString()).Should().Equal(
            "What does plus benefits say about Vision?", "What does the Plus plan cover?", "What does plus benefits say about Dental?");
        suggested.Should().OnlyContain(s => s.GetProperty("expectedDocumentId").GetGuid() == documentId
                                            && s.GetProperty("expectedDocument").GetString() == "plus_benefits.md");
        suggested[1].GetProperty("mustContain").EnumerateArray().Select(w => w.GetString()).Should().Equal("exam", "year");
        (await api.Actor.Client.GetFromJsonAsync<JsonElement>(Prompts(api.ProjectId))).GetArrayLength().Should().Be(0);

        await AddAsync(api.Actor, api.ProjectId, suggested[1]);
        (await api.Actor.Client.GetFromJsonAsync<JsonElement>(Prompts(api.ProjectId))).GetArrayLength().Should().Be(1);
        await (await api.Actor.Client.GetAsync(Prompts(api.ProjectId, "/suggested?limit=0"))).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
