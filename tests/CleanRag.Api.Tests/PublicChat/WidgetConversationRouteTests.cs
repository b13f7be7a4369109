using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>
/// The widget's polling, feedback and escalation name only a conversation or a message: bad input is a 400 with the error
/// shape, an unknown id (or an id of another kind) a 404, and the project found through the id must be live, have the
/// widget on and allow the page's origin, as for the widget's chat.
/// </summary>
public class WidgetConversationRouteTests
{
    private static LiveProject? _project;
    private static WidgetConversation? _conversation;

    private static async Task<WidgetConversation> ConversationAsync()
    {
        _project ??= await LiveProject.CreateAsync();
        return _conversation ??= await WidgetConversation.StartAsync(_project);
    }

    [TestCase("/api/widget/messages", "conversationId")]
    [TestCase("/api/widget/messages?conversationId=not-a-uuid", "conversationId")]
    [TestCase("/api/widget/messages?conversationId=00000000-0000-0000-0000-000000000000", "conversationId")]
    public async Task A_poll_without_a_valid_conversation_id_is_a_validation_error(string path, string field)
    {
        var conversation = await ConversationAsync();

        var body = await (await WidgetConversation.SendAsync(conversation.Project, HttpMethod.Get, path))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty(field).GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task A_poll_with_a_malformed_since_is_a_validation_error()
    {
        var conversation = await ConversationAsync();

        var body = await (await conversation.PollAsync(since: "yesterday")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty("since").GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task Unknown_ids_and_ids_of_another_kind_are_not_found()
    {
        var conversation = await ConversationAsync();
        var project = conversation.Project;

        await (await WidgetConversation.SendAsync(project, HttpMethod.Get, $"/api/widget/messages?conversationId={Guid.NewGuid()}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await WidgetConversation.SendAsync(project, HttpMethod.Get, $"/api/widget/messages?conversationId={conversation.MessageId}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await WidgetConversation.SendAsync(project, HttpMethod.Get, $"/api/widget/messages?conversationId={project.ProjectId}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await conversation.EscalateAsync(new { conversation_id = Guid.NewGuid() }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await conversation.EscalateAsync(new { conversation_id = conversation.MessageId }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await conversation.RateAsync(new { message_id = Guid.NewGuid(), rating = "positive" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "message_not_found");
        await (await conversation.RateAsync(new { message_id = conversation.ConversationId, rating = "positive" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [Test]
    public async Task Feedback_and_escalation_bodies_are_validated()
    {
        var conversation = await ConversationAsync();

        (await (await conversation.RateAsync(new { rating = "positive" })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("message_id").GetArrayLength().Should().Be(1);
        (await (await conversation.RateAsync(new { message_id = conversation.MessageId, rating = "meh" }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("rating").GetArrayLength().Should().Be(1);
        (await (await conversation.RateAsync(new { message_id = conversation.MessageId }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("rating").GetArrayLength().Should().Be(1);
        (await (await conversation.RateAsync(new { message_id = conversation.MessageId, rating = "negative", reason = new string('x', 2001) }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("reason").GetArrayLength().Should().Be(1);
        await (await conversation.RateAsync(new { message_id = "nope", rating = "positive" })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");

        (await (await conversation.EscalateAsync(new { email = "a@example.com" })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("conversation_id").GetArrayLength().Should().Be(1);
        (await (await conversation.EscalateAsync(new { conversation_id = conversation.ConversationId, email = "not-an-email" }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("email").GetArrayLength().Should().Be(1);
        (await (await conversation.EscalateAsync(new { conversation_id = conversation.ConversationId, phone = "call me maybe" }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("phone").GetArrayLength().Should().Be(1);
        (await (await conversation.EscalateAsync(new { conversation_id = conversation.ConversationId, message = new string('x', 2001) }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("message").GetArrayLength().Should().Be(1);
        await (await WidgetConversation.SendAsync(conversation.Project, HttpMethod.Post, "/api/widget/escalate", "{not json"))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Test]
    public async Task Another_sites_page_or_a_call_without_origin_is_refused_on_every_route()
    {
        var conversation = await ConversationAsync();

        foreach (var origin in new[] { "https://attacker.example", null })
        {
            await (await conversation.PollAsync(origin: origin)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
            await (await conversation.EscalateAsync(new { conversation_id = conversation.ConversationId }, origin))
                .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
            await (await conversation.RateAsync(new { message_id = conversation.MessageId, rating = "positive" }, origin))
                .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        }
        LiveProject.EventTypes(await conversation.Project.EventsAsync(conversation.ConversationId))
            .Should().NotContain(["escalation_requested", "feedback_given"]);
    }

    [Test]
    public async Task A_browser_may_preflight_every_route()
    {
        var conversation = await ConversationAsync();

        foreach (var route in new[] { "/api/widget/messages", "/api/widget/feedback", "/api/widget/escalate" })
        {
            var response = await WidgetConversation.SendAsync(conversation.Project, HttpMethod.Options, route);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent, route);
            response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        }
    }

    [Test]
    public async Task Once_the_widget_is_disabled_its_conversations_are_closed_to_it()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);
        (await project.Owner.Client.PatchAsJsonAsync($"/v1/projects/{project.ProjectId}", new { widgetEnabled = false })).EnsureSuccessStatusCode();

        await (await conversation.PollAsync()).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "widget_disabled");
        await (await conversation.EscalateAsync(new { conversation_id = conversation.ConversationId }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "widget_disabled");
    }

    [Test]
    public async Task A_team_reply_is_not_rated()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);
        var reply = await conversation.DashboardAsync("/replies", new { content = "Hello from the team" });

        await (await conversation.RateAsync(new { message_id = reply.GetProperty("messageId").GetGuid(), rating = "positive" }))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "message_not_rateable");
    }
}
