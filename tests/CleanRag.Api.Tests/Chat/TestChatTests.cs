using CleanRag.Application.Chat;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;

namespace CleanRag.Api.Tests.Chat;

public class TestChatTests
{
    private static async Task<DocumentApi> ProjectWithKnowledgeAsync()
    {
        var api = await DocumentApi.NewProjectAsync();
        await api.UploadOneAsync("benefits.md", DocumentApi.Text(
            "# Vision\n\nThe Plus plan covers one eye exam per year. Glasses are covered up to 150 dollars per year.\n\n" +
            "# Dental\n\nDental cleanings are covered twice a year."));
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();
        return api;
    }

    [Test]
    public async Task The_test_chat_answers_from_the_documents_and_cites_them()
    {
        var api = await ProjectWithKnowledgeAsync();

        var response = await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/chat", new { question = "How much of my glasses is covered?" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("answer").GetString().Should().Contain("Glasses are covered up to 150 dollars per year.").And.Contain("[1]");
        answer.GetProperty("sources")[0].GetProperty("title").GetString().Should().Be("benefits.md");
        answer.GetProperty("confidence").GetDouble().Should().BeInRange(0, 1);

        var conversationId = answer.GetProperty("conversationId").GetGuid();
        var history = await api.Actor.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{api.ProjectId}/conversations/{conversationId}/events");
        history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .Should().Equal("conversation_started", "visitor_asked", "answer_given");
    }

    [Test]
    public async Task A_question_the_documents_do_not_cover_gets_an_honest_refusal_without_sources()
    {
        var api = await ProjectWithKnowledgeAsync();

        var answer = await (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/chat",
            new { question = "What is the capital of Peru?" })).Content.ReadFromJsonAsync<JsonElement>();

        answer.GetProperty("answer").GetString().Should().Be("I couldn't find that in the documents.");
        answer.TryGetProperty("sources", out _).Should().BeFalse();
        var conversation = await api.Actor.Client.GetFromJsonAsync<JsonElement>(
            $"/v1/projects/{api.ProjectId}/conversations/{answer.GetProperty("conversationId").GetGuid()}");
        // Passages were found but did not support what was generated from them: a refusal, as the inbox's outcome filter has it.
        conversation.GetProperty("refusedCount").GetInt32().Should().Be(1);
        conversation.GetProperty("unansweredCount").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task Test_chat_without_indexed_documents_says_so_and_needs_a_question()
    {
        var api = await DocumentApi.NewProjectAsync();

        var answer = await (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/chat", new { question = "Hello?" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("answer").GetString().Should().Be(ChatPipeline.NoDocumentsYetAnswer);
        await (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/chat", new { question = "   " }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
