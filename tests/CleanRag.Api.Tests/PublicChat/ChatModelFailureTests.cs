using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>The public chat with a remote (OpenAI-compatible) model that fails or is slow.</summary>
[NonParallelizable]
public class ChatModelFailureTests
{
    private FakeModelServer _model = null!;

    /// <summary>A grounded answer to the test knowledge, citing its passage, streamed word by word.</summary>
    private static readonly string[] CitedAnswer = "Glasses are covered up to 150 dollars per year [1].".Split(' ').Select(word => word + " ").ToArray();
    private CleanRagApiFactory _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _model.StreamedWords = CitedAnswer;
        _host = new CleanRagApiFactory(builder =>
        {
            builder.UseSetting("AI:Chat:Provider", "openai");
            builder.UseSetting("AI:Chat:Remote:Endpoint", _model.OpenAiEndpoint.ToString());
            builder.UseSetting("AI:Chat:Remote:Model", "fake");
            builder.UseSetting("AI:Chat:Remote:ApiKey", "not-needed");
            builder.UseSetting("AI:Chat:Remote:Resilience:MaxRetryAttempts", "1");
            builder.UseSetting("AI:Chat:Remote:Resilience:BaseDelay", "00:00:00.050");
            builder.UseSetting("AI:Chat:Remote:Resilience:AttemptTimeout", "00:00:10");
            builder.UseSetting("Chat:StreamKeepAliveSeconds", "0.2");
        }, target: "api_model");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [SetUp]
    public void HealthyModel()
    {
        _model.FailWith = _ => null;
        _model.Delay = _ => TimeSpan.Zero;
    }

    [Test]
    public async Task A_failing_model_answers_502_upstream_failed_and_the_question_stays_recorded()
    {
        var project = await LiveProject.CreateAsync(host: _host);
        _model.FailWith = _ => 500;

        var response = await project.AskAsync(new { question = "How much of my glasses is covered?", sessionId = "upstream-down" });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadGateway, "upstream_failed");
        _model.FailWith = _ => null;
        var retried = await project.AnswerAsync(new { question = "How much of my glasses is covered?", sessionId = "upstream-down" });
        retried.GetProperty("answer").GetString().Should().Contain("150 dollars");
        LiveProject.EventTypes(await project.EventsAsync(retried.GetProperty("conversationId").GetGuid())).Should().Equal(
            "conversation_started", "visitor_asked", "answer_failed", "visitor_asked", "answer_given");
    }

    [Test]
    public async Task A_failing_model_ends_the_widget_stream_with_an_error_event()
    {
        var project = await LiveProject.CreateAsync(host: _host);
        _model.FailWith = _ => 503;

        var response = await project.WidgetAsync(new { project_id = project.ProjectId, message = "How much of my glasses is covered?" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the stream had started with the conversation id");
        var events = await ServerSentEvents.ReadAllAsync(response);
        events.Select(e => e.Name).Where(n => n != ":").Should().Equal("conversation_id", "error");
        var error = JsonDocument.Parse(events.Single(e => e.Name == "error").Data).RootElement;
        error.GetProperty("code").GetString().Should().Be("upstream_failed");
        error.GetProperty("status").GetInt32().Should().Be(502);
        LiveProject.EventTypes(await project.EventsAsync(Guid.Parse(events[0].Data)))
            .Should().Equal("conversation_started", "visitor_asked", "answer_failed");
    }

    [Test]
    public async Task A_slow_model_keeps_the_stream_alive_with_comments_until_its_tokens_arrive()
    {
        var project = await LiveProject.CreateAsync(host: _host);
        _model.Delay = _ => TimeSpan.FromSeconds(1.5);

        var events = await ServerSentEvents.ReadAllAsync(
            await project.WidgetAsync(new { project_id = project.ProjectId, message = "How much of my glasses is covered?" }));

        var names = events.Select(e => e.Name).ToList();
        names.IndexOf(":").Should().BeInRange(1, names.IndexOf("token") - 1, "keep-alive comments fill the wait before the first token");
        names.Last().Should().Be("done");
    }

    [Test]
    public async Task A_visitor_who_leaves_cancels_the_generation_and_the_question_stays_recorded()
    {
        var project = await LiveProject.CreateAsync(host: _host);
        _model.Delay = _ => TimeSpan.FromSeconds(20);
        var abandonedBefore = _model.AbandonedCalls;
        var requestsBefore = _model.Calls;

        var response = await project.WidgetAsync(new { project_id = project.ProjectId, message = "How much of my glasses is covered?" });
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var conversationId = Guid.Empty;
        while (await reader.ReadLineAsync() is { } line && conversationId == Guid.Empty)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                conversationId = Guid.Parse(line["data: ".Length..]);
        }
        await Eventually.IsTrueAsync(() => Task.FromResult(_model.Calls > requestsBefore), TimeSpan.FromSeconds(10), "the model is asked");
        response.Dispose(); // the visitor closes the page while the model is still thinking

        await Eventually.IsTrueAsync(() => Task.FromResult(_model.AbandonedCalls > abandonedBefore), TimeSpan.FromSeconds(10),
            "the model's request is cancelled");
        var history = await Eventually.GetAsync(async () =>
        {
            var response = await project.Owner.Client.GetAsync($"/v1/projects/{project.ProjectId}/conversations/{conversationId}/events");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), "the abandoned turn recorded");
        LiveProject.EventTypes(history!.Value).Should().Equal("conversation_started", "visitor_asked", "answer_failed");
        history.Value.GetProperty("events")[2].GetProperty("data").GetProperty("code").GetString().Should().Be("abandoned");
    }
}
