using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Application.Chat;

namespace CleanRag.Api.Tests.PublicChat;

public class JsonChatTests
{
    [Test]
    public async Task A_live_key_gets_a_grounded_answer_citing_its_source()
    {
        var project = await LiveProject.CreateAsync();

        var answer = await project.AnswerAsync(new { question = "How much of my glasses is covered?", visitorId = "visitor-7" });

        answer.GetProperty("answer").GetString().Should().Contain("Glasses are covered up to 150 dollars per year.").And.Contain("[1]");
        var source = answer.GetProperty("sources")[0];
        source.GetProperty("title").GetString().Should().Be("benefits.md");
        source.GetProperty("excerpt").GetString().Should().Contain("Glasses are covered");
        source.GetProperty("documentId").GetGuid().Should().NotBeEmpty();
        source.GetProperty("score").GetDouble().Should().BeGreaterThan(0);
        source.GetProperty("url").GetString().Should().StartWith("http://localhost/v1/files/");
        answer.GetProperty("visitorId").GetString().Should().Be("visitor-7");
        answer.GetProperty("sessionId").GetString().Should().NotBeNullOrEmpty();
        answer.GetProperty("confidence").GetDouble().Should().BeInRange(0.01, 1);

        var history = await project.EventsAsync(answer.GetProperty("conversationId").GetGuid());
        LiveProject.EventTypes(history).Should().Equal("conversation_started", "visitor_asked", "answer_given");
        var given = history.GetProperty("events")[2].GetProperty("data");
        given.GetProperty("model").GetString().Should().NotBeNullOrEmpty();
        given.GetProperty("latencyMs").GetInt64().Should().BeGreaterThanOrEqualTo(0);
    }

    [Test]
    public async Task The_key_is_also_accepted_as_a_bearer_token()
    {
        var project = await LiveProject.CreateAsync();
        var client = project.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", project.LiveKey);

        var response = await client.PostAsJsonAsync("/v1/chat", new { question = "How often are dental cleanings covered?" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString().Should().Contain("twice a year");
    }

    [Test]
    public async Task A_follow_up_question_continues_the_conversation_by_conversation_id_or_session_id()
    {
        var project = await LiveProject.CreateAsync();
        var first = await project.AnswerAsync(new { question = "What does the Plus plan cover for vision?", sessionId = "session-42" });
        var conversationId = first.GetProperty("conversationId").GetGuid();

        var byConversation = await project.AnswerAsync(new { question = "And how much for glasses?", conversationId });
        var bySession = await project.AnswerAsync(new { question = "What about dental cleanings?", sessionId = "session-42" });

        byConversation.GetProperty("conversationId").GetGuid().Should().Be(conversationId);
        byConversation.GetProperty("answer").GetString().Should().Contain("150 dollars");
        bySession.GetProperty("conversationId").GetGuid().Should().Be(conversationId);
        var conversation = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations/{conversationId}");
        conversation.GetProperty("messageCount").GetInt32().Should().Be(3);
        var rewritten = (await project.EventsAsync(conversationId)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "visitor_asked").ElementAt(1).GetProperty("data").GetProperty("searchQuery").GetString();
        rewritten.Should().NotBe("And how much for glasses?", "a follow-up is rewritten with the conversation's context");
    }

    [Test]
    public async Task A_question_the_documents_do_not_cover_is_refused_honestly_and_recorded_as_unanswered()
    {
        var project = await LiveProject.CreateAsync();

        var answer = await project.AnswerAsync(new { question = "Who won the football world cup in 1998?" });

        answer.GetProperty("answer").GetString().Should().Be(ChatPipeline.NotFoundAnswer);
        answer.TryGetProperty("sources", out _).Should().BeFalse();
        answer.GetProperty("outcome").GetString().Should().Be("unanswered");
        LiveProject.EventTypes(await project.EventsAsync(answer.GetProperty("conversationId").GetGuid()))
            .Should().Equal("conversation_started", "visitor_asked", "question_unanswered");
    }

    [Test]
    public async Task A_visitor_asking_for_a_person_is_escalated_with_their_contact_details()
    {
        var project = await LiveProject.CreateAsync();

        var answer = await project.AnswerAsync(new { question = "Can I talk to a human please? My email is jane@example.org" });

        answer.GetProperty("answer").GetString().Should().Be(EscalationDetector.Reply);
        answer.GetProperty("outcome").GetString().Should().Be("escalated");
        var conversationId = answer.GetProperty("conversationId").GetGuid();
        var history = await project.EventsAsync(conversationId);
        LiveProject.EventTypes(history).Should().Equal("conversation_started", "visitor_asked", "escalation_requested");
        history.GetProperty("events")[2].GetProperty("data").GetProperty("email").GetString().Should().Be("jane@example.org");
        (await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations/{conversationId}"))
            .GetProperty("escalated").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task Bad_questions_are_refused_with_the_documented_messages()
    {
        var project = await LiveProject.CreateAsync(new
        {
            name = "Short questions", allowedOrigins = new[] { LiveProject.SiteOrigin }, widgetEnabled = true, questionMaxLength = 20,
        });

        (await (await project.AskAsync(new { question = "   " })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("error").GetString().Should().Be("question is required and must not be blank.");
        (await (await project.AskAsync(new { })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("question")[0].GetString().Should().Be("question is required and must not be blank.");
        (await (await project.AskAsync(new { question = "This question is longer than twenty characters" }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("error").GetString().Should().Be("question must be at most 20 characters.");
        await (await project.KeyClient().PostAsync("/v1/chat", new StringContent("{\"question\": ", Encoding.UTF8, "application/json")))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Test]
    public async Task A_project_that_is_not_deployed_answers_409()
    {
        var owner = await TestActors.NewOwnerAsync();
        var draft = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Draft" })).Content.ReadFromJsonAsync<JsonElement>();
        var testKey = await (await owner.Client.PostAsJsonAsync($"/v1/projects/{draft.GetProperty("id").GetGuid()}/keys",
            new { name = "ci", environment = "test" })).Content.ReadFromJsonAsync<JsonElement>();
        var client = ApiHost.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", testKey.GetProperty("key").GetString());

        (await (await client.PostAsJsonAsync("/v1/chat", new { question = "Hello?" })).ShouldBeErrorAsync(HttpStatusCode.Conflict, "project_not_live"))
            .GetProperty("error").GetString().Should().Contain("deploy");
    }

    [Test]
    public async Task The_key_works_as_soon_as_deploy_returns_and_says_honestly_that_nothing_is_indexed_yet()
    {
        // The only document fails to ingest, so the deployed project stays "indexing" with nothing to answer from.
        var owner = await TestActors.NewOwnerAsync();
        var documents = await Documents.DocumentApi.NewProjectAsync(owner);
        await documents.UploadOneAsync("broken.pdf", Documents.DocumentApi.Text("this is not a PDF"));
        var deployed = await LiveProject.DeployAsync(owner, documents.ProjectId);
        var client = ApiHost.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", deployed.GetProperty("key").GetProperty("key").GetString());
        (await documents.WaitUntilSettledAsync()).Single().GetProperty("status").GetString().Should().Be("failed");
        (await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{documents.ProjectId}")).GetProperty("status").GetString()
            .Should().Be("indexing");

        var response = await client.PostAsJsonAsync("/v1/chat", new { question = "What about glasses?" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("answer").GetString().Should().Be(ChatPipeline.NoDocumentsYetAnswer);
        answer.TryGetProperty("sources", out _).Should().BeFalse("an answer without sources has none");
        answer.GetProperty("outcome").GetString().Should().Be("unanswered");
        answer.GetProperty("confidence").GetDouble().Should().Be(0);
        var transcript = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/conversations/{answer.GetProperty("conversationId").GetGuid()}");
        transcript.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "bot")
            .GetProperty("content").GetString().Should().Be(ChatPipeline.NoDocumentsYetAnswer, "the inbox shows what the visitor was told");
    }

    [Test]
    public async Task A_live_project_that_lost_its_documents_answers_that_it_has_none()
    {
        var project = await LiveProject.CreateAsync();
        var document = (await project.Documents.ListAsync()).Single().GetProperty("id").GetGuid();
        (await project.Owner.Client.DeleteAsync(project.Documents.Route($"/{document}"))).EnsureSuccessStatusCode();

        var answer = await project.AnswerAsync(new { question = "What about glasses?" });

        answer.GetProperty("answer").GetString().Should().Be(ChatPipeline.NoDocumentsYetAnswer);
        LiveProject.EventTypes(await project.EventsAsync(answer.GetProperty("conversationId").GetGuid()))
            .Should().Equal("conversation_started", "visitor_asked", "question_unanswered");
    }

    [Test]
    public async Task An_archived_project_answers_404()
    {
        var project = await LiveProject.CreateAsync();
        (await project.Owner.Client.DeleteAsync($"/v1/projects/{project.ProjectId}")).EnsureSuccessStatusCode();

        await (await project.AskAsync(new { question = "What about glasses?" })).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await project.WidgetAsync(new { project_id = project.ProjectId, message = "What about glasses?" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
    }

    [Test]
    public async Task Another_projects_or_companys_conversation_is_not_found()
    {
        var mine = await LiveProject.CreateAsync();
        var theirs = await LiveProject.CreateAsync();
        var theirConversation = (await theirs.AnswerAsync(new { question = "What about glasses?", sessionId = "shared-session" }))
            .GetProperty("conversationId").GetGuid();

        await (await mine.AskAsync(new { question = "What about glasses?", conversationId = theirConversation }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        (await mine.Owner.Client.GetAsync($"/v1/projects/{theirs.ProjectId}/conversations/{theirConversation}/events"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        var sameSession = await mine.AnswerAsync(new { question = "What about glasses?", sessionId = "shared-session" });
        sameSession.GetProperty("conversationId").GetGuid().Should().NotBe(theirConversation, "a session id never reaches another tenant's history");
    }

    [Test]
    public async Task An_id_of_something_else_given_as_a_conversation_is_not_found()
    {
        var project = await LiveProject.CreateAsync();

        await (await project.AskAsync(new { question = "What about glasses?", conversationId = project.ProjectId }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await project.Owner.Client.GetAsync($"/v1/projects/{project.ProjectId}/conversations/{project.ProjectId}/events"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task The_audit_stream_replays_the_conversation_as_it_stood_at_a_past_version()
    {
        var project = await LiveProject.CreateAsync();
        var first = await project.AnswerAsync(new { question = "How much of my glasses is covered?" });
        var conversationId = first.GetProperty("conversationId").GetGuid();
        await project.AnswerAsync(new { question = "Who won the football world cup in 1998?", conversationId });

        var atVersion3 = await project.EventsAsync(conversationId, "?version=3");
        var now = await project.EventsAsync(conversationId);

        LiveProject.EventTypes(now).Should().Equal(
            "conversation_started", "visitor_asked", "answer_given", "visitor_asked", "question_unanswered");
        var turns = atVersion3.GetProperty("state").GetProperty("turns");
        turns.GetArrayLength().Should().Be(1);
        turns[0].GetProperty("outcome").GetString().Should().Be("answered");
        turns[0].GetProperty("answer").GetString().Should().Contain("150 dollars");
    }

    [Test]
    public async Task Feedback_on_an_answer_is_recorded_in_the_conversation()
    {
        var project = await LiveProject.CreateAsync();
        var answer = await project.AnswerAsync(new { question = "How much of my glasses is covered?" });
        var conversationId = answer.GetProperty("conversationId").GetGuid();

        var response = await project.KeyClient().PostAsJsonAsync("/v1/chat/feedback",
            new { conversationId, messageId = answer.GetProperty("messageId").GetGuid(), helpful = false, comment = "Too short" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var history = await project.EventsAsync(conversationId);
        LiveProject.EventTypes(history).Last().Should().Be("feedback_given");
        (await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations/{conversationId}"))
            .GetProperty("negativeFeedbackCount").GetInt32().Should().Be(1);
        await (await project.KeyClient().PostAsJsonAsync("/v1/chat/feedback", new { conversationId, messageId = Guid.NewGuid(), helpful = true }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "message_not_found");
    }
}
