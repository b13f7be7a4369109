using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Deploy;

public class DeployTests
{
    private static async Task<IReadOnlyList<string>> BlockersAsync(DocumentApi api) =>
        (await api.Actor.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{api.ProjectId}/deploy-readiness"))
        .GetProperty("blockers").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList();

    [Test]
    public async Task Readiness_lists_what_blocks_the_project_until_nothing_does()
    {
        var api = await DocumentApi.NewProjectAsync();
        (await BlockersAsync(api)).Should().Equal("no_documents");

        (await api.Actor.Client.PatchAsJsonAsync($"/v1/projects/{api.ProjectId}", new { widgetEnabled = true })).EnsureSuccessStatusCode();
        (await BlockersAsync(api)).Should().Equal("no_documents", "widget_without_origins");

        (await api.Actor.Client.PatchAsJsonAsync($"/v1/projects/{api.ProjectId}", new { allowedOrigins = new[] { LiveProject.SiteOrigin } }))
            .EnsureSuccessStatusCode();
        await api.UploadOneAsync("broken.pdf", DocumentApi.Text("this is not a PDF"));
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();
        (await BlockersAsync(api)).Should().Equal("all_documents_failed");

        await api.UploadOneAsync("benefits.md", DocumentApi.Text(LiveProject.Knowledge));
        (await BlockersAsync(api)).Should().Equal("none_indexed_yet");
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();

        var readiness = await api.Actor.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{api.ProjectId}/deploy-readiness");
        readiness.GetProperty("ready").GetBoolean().Should().BeTrue();
        readiness.GetProperty("blockers").GetArrayLength().Should().Be(0);
        readiness.GetProperty("checks").GetProperty("indexed").GetInt32().Should().Be(1);
        readiness.GetProperty("checks").GetProperty("failed").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task Deploy_refuses_a_project_without_documents_and_needs_an_admin()
    {
        var api = await DocumentApi.NewProjectAsync();
        var member = await TestActors.JoinAsync(api.Actor, "member");

        await (await member.Client.PostAsync($"/v1/projects/{api.ProjectId}/deploy", null)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.Actor.Client.PostAsync($"/v1/projects/{api.ProjectId}/deploy", null)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "no_documents");
        await (await (await TestActors.NewOwnerAsync("Other")).Client.PostAsync($"/v1/projects/{api.ProjectId}/deploy", null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
    }

    [Test]
    public async Task Deploy_ingests_pending_documents_issues_a_working_live_key_once_and_goes_live()
    {
        var api = await DocumentApi.NewProjectAsync();
        await api.UploadOneAsync("benefits.md", DocumentApi.Text(LiveProject.Knowledge));

        var deployment = await LiveProject.DeployAsync(api.Actor, api.ProjectId);

        deployment.GetProperty("status").GetString().Should().BeOneOf("indexing", "live");
        deployment.GetProperty("queuedDocuments").GetInt32().Should().Be(1);
        var key = deployment.GetProperty("key").GetProperty("key").GetString()!;
        key.Should().StartWith("sk_live_");
        var client = ApiHost.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", key);
        (await client.PostAsJsonAsync("/v1/chat", new { question = "What about glasses?" })).StatusCode
            .Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Conflict], "the key works as soon as deploy returns (409 while still indexing)");

        var live = new LiveProject(api, key, ApiHost.Factory);
        await live.WaitUntilLiveAsync();
        (await live.AnswerAsync(new { question = "What about glasses?" })).GetProperty("answer").GetString().Should().Contain("150 dollars");
        var listed = await api.Actor.Client.GetStringAsync($"/v1/projects/{api.ProjectId}/keys");
        listed.Should().NotContain(key, "the key is shown only in the deploy response");
        LiveProject.EventTypes(await api.Actor.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{api.ProjectId}/events"))
            .Should().ContainInOrder("project_created", "project_deployment_started", "project_went_live");
    }

    [Test]
    public async Task Deploy_confirms_an_upload_whose_bytes_arrived_but_was_never_confirmed()
    {
        var api = await DocumentApi.NewProjectAsync();
        var upload = await (await api.Actor.Client.PostAsJsonAsync(api.Route("/upload-url"), new { filename = "benefits.md", contentType = "text/markdown" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await TestActors.Anonymous().PutAsync(new Uri(upload.GetProperty("uploadUrl").GetString()!).PathAndQuery,
            new ByteArrayContent(DocumentApi.Text(LiveProject.Knowledge)))).EnsureSuccessStatusCode();

        var deployment = await LiveProject.DeployAsync(api.Actor, api.ProjectId);

        deployment.GetProperty("confirmedUploads").GetInt32().Should().Be(1);
        await new LiveProject(api, deployment.GetProperty("key").GetProperty("key").GetString()!, ApiHost.Factory).WaitUntilLiveAsync();
    }

    [Test]
    public async Task Redeploying_revokes_the_earlier_live_key()
    {
        var project = await LiveProject.CreateAsync();

        var second = await LiveProject.DeployAsync(project.Owner, project.ProjectId);

        second.GetProperty("revokedKeys").GetInt32().Should().Be(1);
        second.GetProperty("status").GetString().Should().Be("live", "a live project stays live while it is redeployed");
        await (await project.AskAsync(new { question = "What about glasses?" })).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
        (await project.AskAsync(new { question = "What about glasses?" }, second.GetProperty("key").GetProperty("key").GetString()))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_integration_page_shows_the_endpoint_and_a_curl_example_to_admins()
    {
        var project = await LiveProject.CreateAsync();
        var member = await TestActors.JoinAsync(project.Owner, "member");

        var integration = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/integration");

        integration.GetProperty("chatEndpoint").GetString().Should().EndWith("/v1/chat");
        integration.GetProperty("curlExample").GetString().Should().Contain("curl -X POST").And.Contain(project.LiveKey[..12]).And.NotContain(project.LiveKey);
        await (await member.Client.GetAsync($"/v1/projects/{project.ProjectId}/integration")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
