using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>
/// The widget's rating is a write into a conversation, so it passes the same checks as the widget's chat: a live
/// project with the widget enabled, from a page of its allowed origins. The conversation and message ids the widget
/// holds are the visitor's capability, so they are random (UUID v4).
/// </summary>
public class WidgetFeedbackTests
{
    private static async Task<(Guid ConversationId, Guid MessageId)> AskThroughTheWidgetAsync(LiveProject project)
    {
        var events = await ServerSentEvents.ReadAllAsync(await project.WidgetAsync(new { project_id = project.ProjectId, message = "What about glasses?" }));
        var done = JsonDocument.Parse(events.Single(e => e.Name == "done").Data).RootElement;
        return (done.GetProperty("conversation_id").GetGuid(), done.GetProperty("message_id").GetGuid());
    }

    private static Task<HttpResponseMessage> RateAsync(LiveProject project, Guid projectId, Guid conversationId, Guid messageId, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/feedback")
        {
            Content = JsonContent.Create(new
            {
                project_id = projectId, conversation_id = conversationId, message_id = messageId, helpful = false, comment = "useless",
            }),
        };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return project.Host.CreateClient().SendAsync(request);
    }

    private static async Task<IReadOnlyList<string>> EventTypesAsync(LiveProject project, Guid conversationId) =>
        LiveProject.EventTypes(await project.EventsAsync(conversationId));

    [Test]
    public async Task A_visitor_on_an_allowed_page_rates_an_answer_and_the_ids_are_random()
    {
        var project = await LiveProject.CreateAsync();
        var (conversationId, messageId) = await AskThroughTheWidgetAsync(project);

        var response = await RateAsync(project, project.ProjectId, conversationId, messageId, LiveProject.SiteOrigin);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await EventTypesAsync(project, conversationId)).Last().Should().Be("feedback_given");
        conversationId.Version.Should().Be(4);
        messageId.Version.Should().Be(4);
    }

    [Test]
    public async Task A_rating_without_an_origin_or_from_a_foreign_page_is_refused_and_not_recorded()
    {
        var project = await LiveProject.CreateAsync();
        var (conversationId, messageId) = await AskThroughTheWidgetAsync(project);

        await (await RateAsync(project, project.ProjectId, conversationId, messageId, origin: null))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        await (await RateAsync(project, project.ProjectId, conversationId, messageId, "https://attacker.example"))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");

        (await EventTypesAsync(project, conversationId)).Should().NotContain("feedback_given");
    }

    [Test]
    public async Task A_rating_is_refused_once_the_widget_is_disabled()
    {
        var project = await LiveProject.CreateAsync();
        var (conversationId, messageId) = await AskThroughTheWidgetAsync(project);
        (await project.Owner.Client.PatchAsJsonAsync($"/v1/projects/{project.ProjectId}", new { widgetEnabled = false }))
            .EnsureSuccessStatusCode();

        await (await RateAsync(project, project.ProjectId, conversationId, messageId, LiveProject.SiteOrigin))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "widget_disabled");
    }

    [Test]
    public async Task A_draft_projects_test_conversation_cannot_be_rated_from_outside()
    {
        var project = await LiveProject.CreateAsync();
        var draft = await (await project.Owner.Client.PostAsJsonAsync("/v1/projects",
                new { name = "Draft", allowedOrigins = new[] { LiveProject.SiteOrigin }, widgetEnabled = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var draftId = draft.GetProperty("id").GetGuid();
        var documents = new Documents.DocumentApi(project.Owner, draftId);
        await documents.UploadOneAsync("faq.md", Documents.DocumentApi.Text(LiveProject.Knowledge));
        await documents.SyncAsync();
        await documents.WaitUntilSettledAsync();
        var answer = await (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{draftId}/chat", new { question = "What about glasses?" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        await (await RateAsync(project, draftId, answer.GetProperty("conversationId").GetGuid(), answer.GetProperty("messageId").GetGuid(),
                LiveProject.SiteOrigin))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "project_not_live");
    }

    [Test]
    public async Task Another_companys_conversation_is_not_found_through_your_own_project()
    {
        var victim = await LiveProject.CreateAsync();
        var (conversationId, messageId) = await AskThroughTheWidgetAsync(victim);
        var attacker = await LiveProject.CreateAsync();

        await (await RateAsync(attacker, attacker.ProjectId, conversationId, messageId, LiveProject.SiteOrigin))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "message_not_found");
        (await EventTypesAsync(victim, conversationId)).Should().NotContain("feedback_given");
    }
}
