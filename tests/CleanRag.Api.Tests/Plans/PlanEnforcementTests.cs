using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Api.Tests.Webhooks;

namespace CleanRag.Api.Tests.Plans;

/// <summary>
/// A company on the free plan (the test host's: 1 project, 2 documents, 1 MB, 2 visitor questions a month, no webhooks,
/// custom CSS, branding removal or human handoff) is refused what its plan does not include, with a code and a message
/// that name the feature or limit and the plan.
/// </summary>
public class PlanEnforcementTests
{
    private static async Task<DocumentApi> FreeProjectAsync()
    {
        var documents = await DocumentApi.NewProjectAsync();
        await PlanOperator.SetAsync(documents.Actor.CompanyId, "free");
        return documents;
    }

    private static byte[] Bytes(int count) => [.. Enumerable.Repeat((byte)'a', count)];

    [Test]
    public async Task A_project_beyond_the_plans_projects_is_refused_until_one_is_archived()
    {
        var documents = await FreeProjectAsync();
        var owner = documents.Actor;

        var refused = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Second" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached");
        refused.GetProperty("error").GetString().Should().StartWith("The free plan allows 1 project;");

        (await owner.Client.DeleteAsync($"/v1/projects/{documents.ProjectId}")).EnsureSuccessStatusCode();
        (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Second" })).StatusCode.Should().Be(HttpStatusCode.Created,
            "an archived project does not count");
    }

    [Test]
    public async Task Documents_beyond_the_plans_documents_are_refused_whether_uploaded_or_presigned()
    {
        var documents = await FreeProjectAsync();

        var refused = await (await documents.UploadAsync(("a.txt", Bytes(10)), ("b.txt", Bytes(10)), ("c.txt", Bytes(10))))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached");
        refused.GetProperty("error").GetString().Should().Contain("The free plan allows 2 documents and the workspace has 0");
        (await documents.UploadAsync(("a.txt", Bytes(10)), ("b.txt", Bytes(10)))).StatusCode.Should().Be(HttpStatusCode.Created);

        await (await documents.UploadAsync(("c.txt", Bytes(10)))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached");
        await (await documents.Actor.Client.PostAsJsonAsync(documents.Route("/upload-url"), new { filename = "c.txt", contentType = "text/plain" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached");
        (await documents.ListAsync()).Should().HaveCount(2, "nothing of a refused upload is kept");
    }

    [Test]
    public async Task Bytes_beyond_the_plans_storage_are_refused_at_upload_and_at_a_presigned_uploads_confirmation()
    {
        var documents = await FreeProjectAsync();
        var overOneMegabyte = Bytes(1024 * 1024 + 1);

        var refused = await (await documents.UploadAsync(("big.txt", overOneMegabyte))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached");
        refused.GetProperty("error").GetString().Should().Contain("The free plan allows 1 MB of documents");

        var link = await (await documents.Actor.Client.PostAsJsonAsync(documents.Route("/upload-url"), new { filename = "big.txt", contentType = "text/plain" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var uploadUrl = new Uri(link.GetProperty("uploadUrl").GetString()!);
        (await TestActors.Anonymous().PutAsync(uploadUrl.PathAndQuery, new ByteArrayContent(overOneMegabyte))).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await documents.Actor.Client.PostAsync(documents.Route($"/{link.GetProperty("documentId").GetGuid()}/confirm"), null))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached");

        (await documents.UploadAsync(("small.txt", Bytes(1024)))).StatusCode.Should().Be(HttpStatusCode.Created, "within the storage limit");
        // Deploy confirms uploads whose bytes arrived: the same limit holds there.
        (await (await documents.Actor.Client.PostAsync($"/v1/projects/{documents.ProjectId}/deploy", null))
                .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_limit_reached"))
            .GetProperty("error").GetString().Should().Contain("1 MB");
    }

    [Test]
    public async Task Webhooks_need_a_plan_with_webhooks_and_another_companys_project_is_still_not_found()
    {
        var documents = await FreeProjectAsync();
        var webhooks = new WebhookApi(documents.Actor, documents.ProjectId);
        // The test host admits plain http to 127.0.0.1 (nothing is delivered: no event happens in the project).
        var subscription = new { url = "http://127.0.0.1:9/hooks", events = new[] { "new_lead" } };

        var refused = await (await webhooks.CreateAsync(subscription))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden");
        refused.GetProperty("error").GetString().Should().Be("The free plan does not include the webhooks feature.");
        var stranger = await DocumentApi.NewProjectAsync();
        await (await new WebhookApi(documents.Actor, stranger.ProjectId).CreateAsync(subscription))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");

        await PlanOperator.SetAsync(documents.Actor.CompanyId, "pro");
        var created = await webhooks.CreateAsync(subscription);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Custom_css_and_hidden_branding_need_their_features_but_clearing_them_never_does()
    {
        var documents = await FreeProjectAsync();
        var route = $"/v1/projects/{documents.ProjectId}/widget-config";
        var client = documents.Actor.Client;

        (await (await client.PatchAsJsonAsync(route, new { customCss = ".bubble { color: red; }" })).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden"))
            .GetProperty("error").GetString().Should().Be("The free plan does not include the custom_css feature.");
        (await (await client.PatchAsJsonAsync(route, new { showBranding = false })).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden"))
            .GetProperty("error").GetString().Should().Be("The free plan does not include the remove_branding feature.");
        (await client.PatchAsJsonAsync(route, new { customCss = "", showBranding = true, color = "#112233" })).StatusCode.Should().Be(HttpStatusCode.OK);

        await PlanOperator.SetAsync(documents.Actor.CompanyId, "pro");
        (await client.PatchAsJsonAsync(route, new { customCss = ".bubble { color: red; }" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await client.PatchAsJsonAsync(route, new { showBranding = false })).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden");
    }

    [Test]
    public async Task Without_human_handoff_the_widget_is_told_escalation_and_replies_are_refused_and_the_bot_keeps_answering()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);
        await PlanOperator.SetAsync(project.Owner.CompanyId, "free");

        var config = await TestActors.Anonymous().GetFromJsonAsync<JsonElement>($"/api/widget/config?id={project.ProjectId}");
        config.GetProperty("plan_features").GetProperty("human_handoff").GetBoolean().Should().BeFalse("the widget hides its form");
        (await (await conversation.EscalateAsync(new { conversation_id = conversation.ConversationId, email = "ada@example.com" }))
                .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden"))
            .GetProperty("error").GetString().Should().Be("The free plan does not include the human_handoff feature.");
        await (await project.Owner.Client.PostAsJsonAsync(conversation.DashboardRoute("/replies"), new { content = "Hi, Grace here." }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden");
        await (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/conversations/{Guid.NewGuid()}/replies", new { content = "Hi" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");

        var done = await conversation.SayAsync("Can I talk to a human about my glasses?");

        done.GetProperty("outcome").GetString().Should().NotBe("escalated");
        var details = await project.Owner.Client.GetFromJsonAsync<JsonElement>(conversation.DashboardRoute());
        details.GetProperty("handling").GetString().Should().Be("bot");
    }

    [Test]
    public async Task Beyond_the_months_messages_visitors_get_429_with_a_readable_message_and_test_traffic_is_not_counted()
    {
        var project = await LiveProject.CreateAsync();
        await PlanOperator.SetAsync(project.Owner.CompanyId, "free");
        var testKey = await (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/keys", new { name = "ci", environment = "test" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        await project.AnswerAsync(new { question = "What about glasses?" });
        await WidgetConversation.StartAsync(project, "And dental cleanings?");
        await project.AnswerAsync(new { question = "What about glasses?" }, testKey.GetProperty("key").GetString());
        (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/chat", new { question = "What about glasses?" }))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the dashboard's test chat is not limited");

        var keyed = await project.AskAsync(new { question = "What about glasses?" });
        var body = await keyed.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "message_quota_exceeded");
        body.GetProperty("error").GetString().Should().StartWith("Sorry, this assistant has answered all the questions it can this month.");
        var now = DateTimeOffset.UtcNow;
        var untilNextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) - now;
        keyed.Headers.RetryAfter!.Delta!.Value.Should().BeCloseTo(untilNextMonth, TimeSpan.FromMinutes(1));
        var widget = await project.WidgetAsync(new { project_id = project.ProjectId, message = "What about glasses?" });
        await widget.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "message_quota_exceeded");
        widget.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(new[] { LiveProject.SiteOrigin }, "the widget can read the message");
        (await project.AskAsync(new { question = "What about glasses?" }, testKey.GetProperty("key").GetString()))
            .StatusCode.Should().Be(HttpStatusCode.OK, "a test key's questions are not limited");

        await PlanOperator.SetAsync(project.Owner.CompanyId, "pro");
        (await project.AskAsync(new { question = "What about glasses?" })).StatusCode.Should().Be(HttpStatusCode.OK, "pro has more messages");
    }

    [Test]
    public async Task The_widget_config_reports_the_plans_features_and_applies_them()
    {
        var project = await LiveProject.CreateAsync();
        (await project.Owner.Client.PatchAsJsonAsync($"/v1/projects/{project.ProjectId}/widget-config",
            new { customCss = ".bubble { color: red; }", showBranding = false })).EnsureSuccessStatusCode();
        async Task<JsonElement> ConfigAsync() =>
            await TestActors.Anonymous().GetFromJsonAsync<JsonElement>($"/api/widget/config?id={project.ProjectId}");

        var business = await ConfigAsync();
        business.GetProperty("settings").GetProperty("show_branding").GetBoolean().Should().BeFalse("the default plan may remove branding");
        business.GetProperty("settings").GetProperty("custom_css").GetString().Should().Be(".bubble { color: red; }");

        await PlanOperator.SetAsync(project.Owner.CompanyId, "free");
        var free = await ConfigAsync();

        free.GetProperty("plan_features").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetBoolean()).Should().Equal(new Dictionary<string, bool>
        {
            ["api_access"] = false, ["custom_css"] = false, ["remove_branding"] = false, ["human_handoff"] = false, ["webhooks"] = false, ["office_hours"] = true,
        });
        free.GetProperty("settings").GetProperty("show_branding").GetBoolean().Should().BeTrue("the owner's choice stays stored but does not apply");
        free.GetProperty("settings").GetProperty("custom_css").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
