using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Application.Chat;
using CleanRag.Domain.Conversations;
using static CleanRag.Api.Tests.Conversations.InboxWorkspace;

namespace CleanRag.Api.Tests.Conversations;

/// <summary>
/// One conversation from the inbox: GET /v1/conversations/{id} merges the visitor's questions, the bot's replies and the team's
/// replies into one list with ids and roles; PATCH reviews it (status, rating, notes, assignee) as events on its stream.
/// </summary>
public class InboxConversationTests
{
    [Test]
    public async Task It_lists_the_visitor_bot_and_human_messages_in_order_with_ids_sources_and_feedback()
    {
        var project = await LiveProject.CreateAsync();
        var answer = await project.AnswerAsync(new { question = "How much of my glasses is covered?" });
        var conversationId = answer.GetProperty("conversationId").GetGuid();
        var questionId = answer.GetProperty("messageId").GetGuid();
        (await project.KeyClient().PostAsJsonAsync("/v1/chat/feedback",
            new { conversationId, messageId = questionId, helpful = false, comment = "I meant contacts" })).EnsureSuccessStatusCode();
        var reply = await (await project.Owner.Client.PostAsJsonAsync(
                $"/v1/projects/{project.ProjectId}/conversations/{conversationId}/replies", new { content = "Contacts are covered too." }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var conversation = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/conversations/{conversationId}");

        conversation.GetProperty("projectId").GetGuid().Should().Be(project.ProjectId);
        conversation.GetProperty("handling").GetString().Should().Be("human");
        conversation.GetProperty("reviewStatus").GetString().Should().Be("new");
        conversation.GetProperty("negativeFeedbackCount").GetInt32().Should().Be(1);
        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).Should().Equal("visitor", "bot", "human");
        messages[0].GetProperty("id").GetGuid().Should().Be(questionId);
        messages[0].GetProperty("content").GetString().Should().Be("How much of my glasses is covered?");
        messages[0].GetProperty("outcome").GetString().Should().Be("answered");
        var bot = messages[1];
        bot.GetProperty("id").GetGuid().Should().Be(ConversationMessageIds.ReplyTo(questionId));
        bot.GetProperty("inReplyTo").GetGuid().Should().Be(questionId);
        bot.GetProperty("content").GetString().Should().Be(answer.GetProperty("answer").GetString());
        bot.GetProperty("sources")[0].GetProperty("title").GetString().Should().Be("benefits.md");
        bot.GetProperty("confidence").GetDouble().Should().BeGreaterThan(0);
        bot.GetProperty("feedback").GetProperty("helpful").GetBoolean().Should().BeFalse();
        bot.GetProperty("feedback").GetProperty("comment").GetString().Should().Be("I meant contacts");
        messages[2].GetProperty("id").GetGuid().Should().Be(reply.GetProperty("messageId").GetGuid());
        messages[2].GetProperty("content").GetString().Should().Be("Contacts are covered too.");
        messages[2].GetProperty("userId").GetGuid().Should().Be(project.Owner.UserId);
    }

    [Test]
    public async Task Unanswered_and_refused_questions_get_the_honest_reply_as_the_bots_message()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var id = await workspace.SeedAsync(workspace.ProjectA, new Turn("Who won the cup?", "unanswered"), new Turn("Is my cat covered?", "refused"));

        var conversation = await workspace.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/conversations/{id}");

        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).Should().Equal("visitor", "bot", "visitor", "bot");
        messages.Where(m => m.GetProperty("role").GetString() == "bot").Select(m => m.GetProperty("content").GetString())
            .Should().AllBe(ChatPipeline.NotFoundAnswer);
        messages.Select(m => m.GetProperty("outcome").GetString()).Should().Equal("unanswered", "unanswered", "refused", "refused");
        conversation.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()).Should().Equal("unanswered", "refused");
    }

    [Test]
    public async Task Reviewing_records_one_event_per_change_visible_in_the_audit_replay_and_nothing_when_unchanged()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var id = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?"));
        var member = await TestActors.JoinAsync(workspace.Owner, "member");
        var colleague = await TestActors.JoinAsync(workspace.Owner, "member");

        var reviewed = await PatchAsync(member, id, new { reviewStatus = "needs_follow_up", rating = 2, notes = "  Call her back.  ", assigneeUserId = colleague.UserId });
        var again = await PatchAsync(member, id, new { reviewStatus = "needs_follow_up", rating = 2, notes = "Call her back.", assigneeUserId = colleague.UserId });
        var cleared = await PatchAsync(member, id, new { rating = (int?)null, assigneeUserId = (Guid?)null });

        reviewed.GetProperty("reviewStatus").GetString().Should().Be("needs_follow_up");
        reviewed.GetProperty("rating").GetInt32().Should().Be(2);
        reviewed.GetProperty("notes").GetString().Should().Be("Call her back.");
        reviewed.GetProperty("assigneeUserId").GetGuid().Should().Be(colleague.UserId);
        reviewed.GetProperty("reviewedByUserId").GetGuid().Should().Be(member.UserId);
        again.GetProperty("version").GetInt64().Should().Be(reviewed.GetProperty("version").GetInt64(), "nothing changed, nothing recorded");
        cleared.TryGetProperty("rating", out _).Should().BeFalse("null clears the rating");
        cleared.TryGetProperty("assigneeUserId", out _).Should().BeFalse("null unassigns");
        cleared.GetProperty("notes").GetString().Should().Be("Call her back.", "fields left out stay as they are");
        cleared.GetProperty("reviewStatus").GetString().Should().Be("needs_follow_up");

        var history = await workspace.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{workspace.ProjectA}/conversations/{id}/events");
        LiveProject.EventTypes(history).Should().Equal("conversation_started", "visitor_asked", "answer_given",
            "conversation_reviewed", "conversation_rated", "conversation_noted", "conversation_assigned",
            "conversation_rated", "conversation_assigned");
        var events = history.GetProperty("events").EnumerateArray().ToList();
        events[3].GetProperty("data").GetProperty("status").GetString().Should().Be("needs_follow_up");
        events[3].GetProperty("data").GetProperty("userId").GetGuid().Should().Be(member.UserId);
        (await workspace.IdsAsync("?reviewStatus=needs_follow_up")).Should().Equal([id]);
    }

    [Test]
    public async Task A_bad_review_is_a_400_and_changes_nothing()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var id = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?"));
        var stranger = await TestActors.NewOwnerAsync();

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { reviewStatus = "done" }, "reviewStatus"), (new { reviewStatus = (string?)null }, "reviewStatus"),
                     (new { rating = 6 }, "rating"), (new { rating = 0 }, "rating"),
                     (new { notes = new string('n', Conversation.MaxNotesLength + 1) }, "notes"),
                     (new { assigneeUserId = stranger.UserId }, "assigneeUserId"), (new { assigneeUserId = Guid.Empty }, "assigneeUserId"),
                     (new { }, "body"),
                 })
        {
            var response = await workspace.Owner.Client.PatchAsJsonAsync($"/v1/conversations/{id}", body);
            (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty(field)
                .GetArrayLength().Should().Be(1);
        }
        foreach (var json in new[] { """{"rating":"five"}""", """{"assigneeUserId":"someone"}""", "{oops" })
        {
            await (await workspace.Owner.Client.PatchAsync($"/v1/conversations/{id}", new StringContent(json, Encoding.UTF8, "application/json")))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
        }

        var history = await workspace.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{workspace.ProjectA}/conversations/{id}/events");
        LiveProject.EventTypes(history).Should().Equal("conversation_started", "visitor_asked", "answer_given");
    }

    [Test]
    public async Task Unknown_conversations_and_another_companys_are_not_found()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var stranger = await InboxWorkspace.CreateAsync();
        var theirs = await stranger.SeedAsync(stranger.ProjectA, new Turn("Are glasses covered?"));

        foreach (var id in new[] { Guid.NewGuid(), theirs, workspace.ProjectA })
        {
            await (await workspace.Owner.Client.GetAsync($"/v1/conversations/{id}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await workspace.Owner.Client.PatchAsJsonAsync($"/v1/conversations/{id}", new { reviewStatus = "reviewed" }))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        }
        (await stranger.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/conversations/{theirs}")).GetProperty("reviewStatus").GetString()
            .Should().Be("new");
    }

    [Test]
    public async Task Members_and_admins_review_anonymous_callers_cannot()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var id = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?"));

        await PatchAsync(await TestActors.JoinAsync(workspace.Owner, "member"), id, new { rating = 3 });
        await PatchAsync(await TestActors.JoinAsync(workspace.Owner, "admin"), id, new { rating = 4 });
        await (await TestActors.Anonymous().PatchAsJsonAsync($"/v1/conversations/{id}", new { rating = 1 }))
            .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await TestActors.Anonymous().GetAsync($"/v1/conversations/{id}")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await workspace.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/conversations/{id}")).GetProperty("rating").GetInt32().Should().Be(4);
    }

    private static async Task<JsonElement> PatchAsync(TestActor actor, Guid conversationId, object body)
    {
        var response = await actor.Client.PatchAsJsonAsync($"/v1/conversations/{conversationId}", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
