using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Widget;

/// <summary>The owner's preview: a blank page with the widget under a strict policy, opened through a short-lived link.</summary>
public class WidgetPreviewTests
{
    private static async Task<(TestActor Owner, Guid ProjectId)> NewProjectAsync()
    {
        var owner = await TestActors.NewOwnerAsync();
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Support" })).Content.ReadFromJsonAsync<JsonElement>();
        return (owner, project.GetProperty("id").GetGuid());
    }

    private static async Task ShouldBeThePreviewOfAsync(HttpResponseMessage response, Guid projectId)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain($"<script src=\"/widget.js\" data-project-id=\"{projectId}\" async></script>");
        System.Text.RegularExpressions.Regex.Matches(html, "<script").Count.Should().Be(1, "the one script tag, no inline script");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.Contain("default-src 'none'").And.NotContain("unsafe-eval");
        policy.Split(';').Single(directive => directive.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Test]
    public async Task A_member_gets_the_preview_page_with_a_strict_policy()
    {
        var (owner, projectId) = await NewProjectAsync();
        var member = await TestActors.JoinAsync(owner, "member");

        await ShouldBeThePreviewOfAsync(await member.Client.GetAsync($"/v1/projects/{projectId}/widget-preview"), projectId);
    }

    [Test]
    public async Task Another_companys_project_has_no_preview()
    {
        var (_, othersProject) = await NewProjectAsync();
        var (owner, _) = await NewProjectAsync();

        await (await owner.Client.GetAsync($"/v1/projects/{othersProject}/widget-preview")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await owner.Client.PostAsync($"/v1/projects/{othersProject}/widget-preview-link", null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await TestActors.Anonymous().GetAsync($"/v1/projects/{othersProject}/widget-preview")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task A_preview_link_opens_the_page_without_a_token()
    {
        var (owner, projectId) = await NewProjectAsync();

        var link = await (await owner.Client.PostAsync($"/v1/projects/{projectId}/widget-preview-link", null)).Content.ReadFromJsonAsync<JsonElement>();

        link.GetProperty("expiresAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        var url = new Uri(link.GetProperty("url").GetString()!);
        await ShouldBeThePreviewOfAsync(await TestActors.Anonymous().GetAsync(url.PathAndQuery), projectId);
    }

    [Test]
    public async Task A_forged_or_altered_link_is_404()
    {
        var (owner, projectId) = await NewProjectAsync();
        var url = (await (await owner.Client.PostAsync($"/v1/projects/{projectId}/widget-preview-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("url").GetString()!;
        var token = url[(url.LastIndexOf('/') + 1)..];

        await (await TestActors.Anonymous().GetAsync("/widget-preview/not-a-token")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "preview_link_not_found");
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        await (await TestActors.Anonymous().GetAsync($"/widget-preview/{altered}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "preview_link_not_found");
    }

    [Test]
    public async Task The_widget_on_the_preview_page_may_chat_from_the_apis_own_origin()
    {
        var project = await LiveProject.CreateAsync();
        var ownOrigin = TestActors.Anonymous().BaseAddress!.GetLeftPart(UriPartial.Authority);

        var fromPreview = await project.WidgetAsync(new { project_id = project.ProjectId, message = "What about glasses?" }, ownOrigin);
        fromPreview.StatusCode.Should().Be(HttpStatusCode.OK);
        fromPreview.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");

        var foreign = await project.WidgetAsync(new { project_id = project.ProjectId, message = "What about glasses?" }, "https://evil.example");
        await foreign.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
    }
}
