using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.PublicChat;

public class WidgetChatTests
{
    [Test]
    public async Task The_widget_streams_the_conversation_id_tokens_sources_citations_confidence_then_done()
    {
        var project = await LiveProject.CreateAsync();

        var response = await project.WidgetAsync(new
        {
            project_id = project.ProjectId, message = "How much of my glasses is covered?", page_url = "https://shop.example.com/help", visitor_id = "v-1",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        var events = await ServerSentEvents.ReadAllAsync(response);
        var names = events.Select(e => e.Name).ToList();
        names.First().Should().Be("conversation_id");
        names.Skip(1).TakeWhile(n => n == "token").Should().HaveCountGreaterThan(3, "the answer is streamed in pieces");
        names.SkipWhile(n => n is "conversation_id" or "token").Should().Equal("sources", "citations", "confidence", "done");

        var conversationId = Guid.Parse(events[0].Data);
        var streamed = string.Concat(events.Where(e => e.Name == "token").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        streamed.Should().Contain("Glasses are covered up to 150 dollars per year.").And.Contain("[1]");
        var sources = JsonDocument.Parse(events.Single(e => e.Name == "sources").Data).RootElement;
        sources.GetArrayLength().Should().BeGreaterThan(0);
        var url = sources[0].GetString()!;
        url.Should().StartWith("http://localhost/v1/files/", "an absolute link: the widget runs on another origin");
        var citations = JsonDocument.Parse(events.Single(e => e.Name == "citations").Data).RootElement;
        citations.GetArrayLength().Should().Be(sources.GetArrayLength(), "one citation per source, in the same order");
        var citation = citations[0];
        citation.GetProperty("title").GetString().Should().Be("benefits.md");
        citation.GetProperty("excerpt").GetString().Should().Contain("Glasses are covered");
        citation.GetProperty("document_id").GetGuid().Should().NotBeEmpty();
        citation.GetProperty("score").GetDouble().Should().BeGreaterThan(0);
        citation.GetProperty("url").GetString().Should().Be(url);
        citation.TryGetProperty("page", out _).Should().BeTrue();
        citation.TryGetProperty("page_start", out _).Should().BeTrue();
        citation.TryGetProperty("page_end", out _).Should().BeTrue();
        var file = await TestActors.Anonymous().GetAsync(new Uri(url).PathAndQuery);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        (await file.Content.ReadAsStringAsync()).Should().Be(LiveProject.Knowledge);
        double.Parse(events.Single(e => e.Name == "confidence").Data, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0.01, 1);
        var done = JsonDocument.Parse(events.Single(e => e.Name == "done").Data).RootElement;
        done.GetProperty("conversation_id").GetGuid().Should().Be(conversationId);
        done.GetProperty("outcome").GetString().Should().Be("answered");

        var conversation = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations/{conversationId}");
        conversation.GetProperty("channel").GetString().Should().Be("widget");
        conversation.GetProperty("pageUrl").GetString().Should().Be("https://shop.example.com/help");
        conversation.GetProperty("visitorId").GetString().Should().Be("v-1");
    }

    [Test]
    public async Task The_widget_continues_a_conversation_and_refuses_honestly_with_empty_sources()
    {
        var project = await LiveProject.CreateAsync();
        var first = await ServerSentEvents.ReadAllAsync(await project.WidgetAsync(new { project_id = project.ProjectId, message = "What about glasses?" }));
        var conversationId = Guid.Parse(first[0].Data);

        var second = await ServerSentEvents.ReadAllAsync(await project.WidgetAsync(
            new { project_id = project.ProjectId, message = "Who won the football world cup in 1998?", conversation_id = conversationId }));

        Guid.Parse(second[0].Data).Should().Be(conversationId);
        second.Single(e => e.Name == "sources").Data.Should().Be("[]");
        second.Single(e => e.Name == "citations").Data.Should().Be("[]");
        JsonDocument.Parse(second.Single(e => e.Name == "done").Data).RootElement.GetProperty("outcome").GetString().Should().Be("unanswered");
        LiveProject.EventTypes(await project.EventsAsync(conversationId)).Should().Equal(
            "conversation_started", "visitor_asked", "answer_given", "visitor_asked", "question_unanswered");
    }

    [Test]
    public async Task Only_pages_of_an_allowed_origin_may_use_the_widget()
    {
        var project = await LiveProject.CreateAsync();
        var body = new { project_id = project.ProjectId, message = "What about glasses?" };

        await (await project.WidgetAsync(body, origin: null)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        await (await project.WidgetAsync(body, "https://evil.example.com")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        await (await project.WidgetAsync(body, "http://shop.example.com")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        await (await project.WidgetAsync(body, "https://shop.example.com.evil.com")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        var refused = await project.WidgetAsync(body, "https://evil.example.com");
        refused.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("a foreign page may not read the answer");

        (await project.WidgetAsync(body, LiveProject.SiteOrigin)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_widget_serves_only_live_projects_that_enabled_it()
    {
        var disabled = await LiveProject.CreateAsync(new { name = "No widget", allowedOrigins = new[] { LiveProject.SiteOrigin } });
        await (await disabled.WidgetAsync(new { project_id = disabled.ProjectId, message = "What about glasses?" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "widget_disabled");

        var owner = await TestActors.NewOwnerAsync();
        var draft = await (await owner.Client.PostAsJsonAsync("/v1/projects",
            new { name = "Draft", allowedOrigins = new[] { LiveProject.SiteOrigin }, widgetEnabled = true })).Content.ReadFromJsonAsync<JsonElement>();
        await (await disabled.WidgetAsync(new { project_id = draft.GetProperty("id").GetGuid(), message = "Hello?" }))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "project_not_live");

        await (await disabled.WidgetAsync(new { project_id = Guid.NewGuid(), message = "Hello?" })).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await disabled.WidgetAsync(new { project_id = disabled.ProjectId, message = " " })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await disabled.WidgetAsync(new { message = "Hello?" })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Browsers_are_answered_by_origin_on_the_keyed_api_while_servers_without_origin_pass()
    {
        var noOrigins = await LiveProject.CreateAsync(new { name = "Server only" });
        var withOrigin = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { question = "What about glasses?" }) };
        withOrigin.Headers.Add("Origin", LiveProject.SiteOrigin);

        await (await noOrigins.KeyClient().SendAsync(withOrigin)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        (await noOrigins.AskAsync(new { question = "What about glasses?" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var allowed = await LiveProject.CreateAsync();
        var fromSite = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { question = "What about glasses?" }) };
        fromSite.Headers.Add("Origin", LiveProject.SiteOrigin);
        var response = await allowed.KeyClient().SendAsync(fromSite);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
    }

    [Test]
    public async Task A_browser_preflight_is_answered_for_the_chat_routes()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/chat");
        preflight.Headers.Add("Origin", LiveProject.SiteOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await ApiHost.Factory.CreateClient().SendAsync(preflight);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
    }
}
