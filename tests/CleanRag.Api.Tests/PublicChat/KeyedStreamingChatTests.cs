using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>POST /v1/chat with Accept: text/event-stream: a server integration streams the widget's events; JSON stays the default.</summary>
public class KeyedStreamingChatTests
{
    private LiveProject _project = null!;

    [OneTimeSetUp]
    public async Task CreateProjectAsync() => _project = await LiveProject.CreateAsync();

    private Task<HttpResponseMessage> StreamAsync(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return _project.KeyClient(key).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Test]
    public async Task A_keyed_client_streams_tokens_then_done_and_the_conversation_is_stored()
    {
        var response = await StreamAsync(new { question = "How much of my glasses is covered?", visitorId = "server-visitor" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.GetValues("X-RateLimit-Limit").Should().Equal("60");
        var events = await ServerSentEvents.ReadAllAsync(response);
        var names = events.Select(e => e.Name).ToList();
        names.First().Should().Be("conversation_id");
        names.Skip(1).TakeWhile(n => n == "token").Should().HaveCountGreaterThan(3, "the answer is streamed in pieces");
        names.SkipWhile(n => n is "conversation_id" or "token").Should().Equal("sources", "citations", "confidence", "done");
        var streamed = string.Concat(events.Where(e => e.Name == "token").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        streamed.Should().Contain("Glasses are covered up to 150 dollars per year.");
        var done = JsonDocument.Parse(events.Single(e => e.Name == "done").Data).RootElement;
        var conversationId = Guid.Parse(events[0].Data);
        done.GetProperty("conversation_id").GetGuid().Should().Be(conversationId);
        done.GetProperty("outcome").GetString().Should().Be("answered");
        done.GetProperty("answer").GetString().Should().Be(streamed);

        var conversation = await _project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{_project.ProjectId}/conversations/{conversationId}");
        conversation.GetProperty("channel").GetString().Should().Be("api");
        conversation.GetProperty("visitorId").GetString().Should().Be("server-visitor");
        LiveProject.EventTypes(await _project.EventsAsync(conversationId)).Should().Equal("conversation_started", "visitor_asked", "answer_given");
    }

    [Test]
    public async Task A_streamed_follow_up_continues_the_conversation_and_json_stays_the_default()
    {
        var first = await _project.AnswerAsync(new { question = "What does the Plus plan cover for vision?" });
        var conversationId = first.GetProperty("conversationId").GetGuid();

        var followUp = await ServerSentEvents.ReadAllAsync(await StreamAsync(new { question = "And dental cleanings?", conversationId }));
        var json = await _project.AskAsync(new { question = "And glasses?", conversationId });

        Guid.Parse(followUp[0].Data).Should().Be(conversationId);
        json.Content.Headers.ContentType!.MediaType.Should().Be("application/json", "without Accept: text/event-stream the answer is JSON");
        (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetGuid().Should().Be(conversationId);
    }

    [Test]
    public async Task Failures_before_the_stream_starts_answer_with_the_json_error()
    {
        await (await StreamAsync(new { question = " " })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await StreamAsync(new { question = "Hi?" }, key: "sk_live_unknown")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
        await (await StreamAsync(new { question = "Hi?", conversationId = Guid.NewGuid() })).ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }
}
