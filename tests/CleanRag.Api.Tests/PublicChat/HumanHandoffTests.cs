using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Application.Leads;
using CleanRag.Infrastructure.Email;
using CleanRag.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>
/// The whole handoff over HTTP: a visitor asks, asks for a person (a lead, the new_lead webhook, mail to the team), a team
/// member replies from the dashboard, the widget's poll shows the reply, the bot stays quiet until the conversation is
/// handed back, then it is resolved; the audit shows every step.
/// </summary>
public class HumanHandoffTests
{
    [Test]
    public async Task A_visitor_is_handed_to_a_person_and_back_and_every_step_is_recorded()
    {
        var project = await LiveProject.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhooks = new WebhookApi(project.Owner, project.ProjectId);
        await webhooks.SubscribeAsync(receiver.Url, "new_lead", "escalation.requested");
        var conversation = await WidgetConversation.StartAsync(project);

        var escalated = await conversation.EscalateAsync(new
        {
            conversation_id = conversation.ConversationId, email = "ada@example.com", message = "  Can a human help? ",
        });

        escalated.StatusCode.Should().Be(HttpStatusCode.OK, await escalated.Content.ReadAsStringAsync());
        escalated.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        var accepted = await escalated.Content.ReadFromJsonAsync<JsonElement>();
        accepted.GetProperty("conversation_id").GetGuid().Should().Be(conversation.ConversationId);
        accepted.GetProperty("handling").GetString().Should().Be("escalated");
        accepted.GetProperty("lead_captured").GetBoolean().Should().BeTrue();

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "new_lead and escalation.requested");
        hooks.Select(h => h.Event).Should().BeEquivalentTo("new_lead", "escalation.requested");
        var lead = hooks.Single(h => h.Event == "new_lead").Json.GetProperty("data");
        lead.GetProperty("email").GetString().Should().Be("ada@example.com");
        lead.GetProperty("message").GetString().Should().Be("  Can a human help? ");
        lead.GetProperty("conversationId").GetGuid().Should().Be(conversation.ConversationId);

        var mail = await Eventually.GetAsync(async () =>
        {
            await using var session = project.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.Query<OutboundEmail>().Where(m => m.To == project.Owner.Email && m.Subject.Contains("asked for a person"))
                .FirstOrDefaultAsync();
        }, TimeSpan.FromSeconds(60), "the mail to the owner");
        mail.Body.Should().Contain("ada@example.com").And.Contain(conversation.ConversationId.ToString());
        var stored = await Eventually.GetAsync(async () =>
        {
            await using var session = project.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(project.Owner.CompanyId.ToString());
            return await session.Query<LeadDetails>().Where(l => l.ConversationId == conversation.ConversationId).FirstOrDefaultAsync();
        }, TimeSpan.FromSeconds(60), "the lead");
        stored.Should().Match<LeadDetails>(l => l.ProjectId == project.ProjectId && l.Email == "ada@example.com" && l.Message == "  Can a human help? ");

        var beforeReply = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var reply = await conversation.DashboardAsync("/replies", new { content = "Hi, Grace here. Glasses are covered up to 150 dollars." });
        reply.GetProperty("handling").GetString().Should().Be("human");

        var polled = await conversation.MessagesAsync(since: beforeReply);
        polled.Should().ContainSingle();
        polled[0].GetProperty("id").GetGuid().Should().Be(reply.GetProperty("messageId").GetGuid());
        polled[0].GetProperty("role").GetString().Should().Be("assistant");
        polled[0].GetProperty("content").GetString().Should().Be("Hi, Grace here. Glasses are covered up to 150 dollars.");
        polled[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Should().Equal("human_reply");
        (await conversation.MessagesAsync(since: DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))).Should().BeEmpty();

        var quiet = await conversation.SayStreamAsync("Thanks! Is dental covered too?");
        quiet.Select(e => e.Name).Should().NotContain("token");
        var held = JsonDocument.Parse(quiet.Single(e => e.Name == "done").Data).RootElement;
        held.GetProperty("outcome").GetString().Should().Be("awaiting_human");
        held.GetProperty("answer").GetString().Should().BeEmpty();

        var whole = await conversation.MessagesAsync();
        whole.Select(m => m.GetProperty("role").GetString()).Should().Equal("user", "assistant", "assistant", "user");
        whole.Select(m => m.GetProperty("id").GetGuid()).Should().OnlyHaveUniqueItems();
        whole[0].GetProperty("id").GetGuid().Should().Be(conversation.MessageId);
        whole[1].GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Should()
            .NotBeEmpty().And.OnlyContain(url => Uri.IsWellFormedUriString(url, UriKind.Absolute), "the bot's answer links its citations");

        (await conversation.DashboardAsync("/handback")).GetProperty("handling").GetString().Should().Be("bot");
        (await conversation.SayAsync("Is dental covered?")).GetProperty("outcome").GetString().Should().Be("answered");
        (await conversation.DashboardAsync("/resolve")).GetProperty("handling").GetString().Should().Be("resolved");

        var history = await project.EventsAsync(conversation.ConversationId);
        LiveProject.EventTypes(history).Should().ContainInOrder(
            "escalation_requested", "human_replied", "question_held_for_human", "conversation_handed_back", "answer_given", "conversation_resolved");
        var resolved = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations?handling=resolved");
        resolved.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Equal(conversation.ConversationId);
        var details = await project.Owner.Client.GetFromJsonAsync<JsonElement>(conversation.DashboardRoute());
        details.GetProperty("humanReplies")[0].GetProperty("authorName").GetString().Should().Be("Test User");
        details.GetProperty("humanReplies")[0].GetProperty("userId").GetGuid().Should().Be(project.Owner.UserId);
    }

    [Test]
    public async Task Asking_for_a_person_in_the_chat_escalates_the_same_way()
    {
        var project = await LiveProject.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await new WebhookApi(project.Owner, project.ProjectId).SubscribeAsync(receiver.Url, "new_lead", "lead.created");

        var conversation = await WidgetConversation.StartAsync(project, "Can I talk to a human? Mail me at bob@example.com");

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "the lead under both names");
        hooks.Select(h => h.Event).Should().BeEquivalentTo("new_lead", "lead.created");
        hooks.Should().OnlyContain(h => h.Json.GetProperty("data").GetProperty("email").GetString() == "bob@example.com");
        var details = await project.Owner.Client.GetFromJsonAsync<JsonElement>(conversation.DashboardRoute());
        details.GetProperty("handling").GetString().Should().Be("escalated");
        var messages = await conversation.MessagesAsync();
        messages.Select(m => m.GetProperty("content").GetString()).Last().Should().Contain("pass this conversation to a person");
    }

    [Test]
    public async Task Feedback_names_the_bots_reply_or_the_question_and_keeps_the_reason_verbatim()
    {
        var project = await LiveProject.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await new WebhookApi(project.Owner, project.ProjectId).SubscribeAsync(receiver.Url, "feedback.negative");
        var conversation = await WidgetConversation.StartAsync(project);
        var replyId = (await conversation.MessagesAsync()).Single(m => m.GetProperty("role").GetString() == "assistant").GetProperty("id").GetGuid();

        var byReply = await conversation.RateAsync(new { message_id = replyId, rating = "negative", reason = "  Wrong plan!  " });
        byReply.StatusCode.Should().Be(HttpStatusCode.OK, await byReply.Content.ReadAsStringAsync());
        var rated = await byReply.Content.ReadFromJsonAsync<JsonElement>();
        rated.GetProperty("message_id").GetGuid().Should().Be(replyId);
        rated.GetProperty("rating").GetString().Should().Be("negative");

        var hook = (await receiver.WaitForAsync(r => r.Count >= 1, "feedback.negative"))[0].Json.GetProperty("data");
        hook.GetProperty("comment").GetString().Should().Be("  Wrong plan!  ");
        hook.GetProperty("messageId").GetGuid().Should().Be(conversation.MessageId);

        var byQuestion = await conversation.RateAsync(new { message_id = conversation.MessageId, rating = "positive" });
        byQuestion.StatusCode.Should().Be(HttpStatusCode.OK, await byQuestion.Content.ReadAsStringAsync());
        var details = await project.Owner.Client.GetFromJsonAsync<JsonElement>(conversation.DashboardRoute());
        details.GetProperty("messages")[0].GetProperty("helpful").GetBoolean().Should().BeTrue();
    }
}
