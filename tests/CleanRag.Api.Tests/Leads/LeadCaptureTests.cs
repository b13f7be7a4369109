using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Domain.Conversations;

namespace CleanRag.Api.Tests.Leads;

/// <summary>
/// Where leads come from: an escalation with contact details, contact details left in a chat message, and the API;
/// each one captured fires new_lead (and lead.created) exactly once per subscription.
/// </summary>
public class LeadCaptureTests
{
    [Test]
    public async Task Contact_details_left_in_the_chat_make_one_lead_per_contact_of_the_conversation()
    {
        var api = await LeadApi.NewProjectAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.Webhooks.SubscribeAsync(receiver.Url, "new_lead");

        var conversationId = await api.StartConversationAsync(c => LeadApi.Asked(c, "Do you ship to Norway? Mail me at Ada@Example.com"));
        var leads = await api.WaitForLeadsAsync(conversationId, l => l.Count == 1, "the chat lead");
        var lead = leads[0];
        lead.GetProperty("source").GetString().Should().Be("chat");
        lead.GetProperty("email").GetString().Should().Be("Ada@Example.com");
        lead.GetProperty("visitorId").GetString().Should().Be("visitor-1");
        lead.GetProperty("message").GetString().Should().Be("Do you ship to Norway? Mail me at Ada@Example.com");
        var hook = (await receiver.WaitForAsync(r => r.Count >= 1, "new_lead"))[0].Json;
        hook.GetProperty("type").GetString().Should().Be("new_lead");
        hook.GetProperty("data").GetProperty("leadId").GetGuid().Should().Be(lead.GetProperty("id").GetGuid());
        hook.GetProperty("data").GetProperty("source").GetString().Should().Be("chat");
        hook.GetProperty("data").GetProperty("conversationId").GetGuid().Should().Be(conversationId);

        await api.SayAsync(conversationId, "Again: ada@example.com, or call me on +47 22 33 44 55");
        await api.SayAsync(conversationId, "Sorry, my work address is ada@work.example.com");
        leads = await api.WaitForLeadsAsync(conversationId, l => l.Count == 2, "the second contact's lead");
        leads.Select(l => l.GetProperty("email").GetString()).Should().BeEquivalentTo("Ada@Example.com", "ada@work.example.com");
        await Task.Delay(1000); // room for a lead wrongly captured twice
        (await api.WaitForLeadsAsync(conversationId, _ => true, "the leads")).Should().HaveCount(2, "a contact already captured is not captured again");
        receiver.Received.Should().HaveCount(2);
    }

    [Test]
    public async Task Asking_for_a_person_with_an_email_in_the_chat_is_one_lead_and_one_new_lead_per_subscription()
    {
        var api = await LeadApi.NewProjectAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.Webhooks.SubscribeAsync(receiver.Url, "new_lead", "escalation.requested");
        var question = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        var conversationId = await api.StartConversationAsync(
            c => new VisitorAsked(c, question, "Can I talk to a human? Mail me at bob@example.com", "talk to a human", now),
            c => new EscalationRequested(c, question, "The visitor asked to talk to a person.", "bob@example.com", null, now));

        var leads = await api.WaitForLeadsAsync(conversationId, l => l.Count == 1, "the escalation's lead");
        leads[0].GetProperty("source").GetString().Should().Be("escalation");
        leads[0].GetProperty("message").GetString().Should().Be("Can I talk to a human? Mail me at bob@example.com");
        await receiver.WaitForAsync(r => r.Count >= 2, "new_lead and escalation.requested");
        await Task.Delay(1500); // room for a second lead from the chat message itself
        receiver.Received.Select(r => r.Event).Should().BeEquivalentTo("new_lead", "escalation.requested");
        (await api.WaitForLeadsAsync(conversationId, _ => true, "the leads")).Should().ContainSingle();
    }

    [Test]
    public async Task A_lead_created_over_the_api_fires_new_lead_too()
    {
        var api = await LeadApi.NewProjectAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.Webhooks.SubscribeAsync(receiver.Url, "new_lead", "lead.created");

        var lead = await api.CreateAsync(email: null, phone: "+1 555 0100", name: "Grace", notes: "Met at the fair");

        var hooks = await receiver.WaitForAsync(r => r.Count >= 2, "the lead under both names");
        hooks.Select(h => h.Event).Should().BeEquivalentTo("new_lead", "lead.created");
        var data = hooks[0].Json.GetProperty("data");
        data.GetProperty("leadId").GetGuid().Should().Be(lead.GetProperty("id").GetGuid());
        data.GetProperty("phone").GetString().Should().Be("+1 555 0100");
        data.GetProperty("source").GetString().Should().Be("manual");
        data.GetProperty("conversationId").ValueKind.Should().Be(JsonValueKind.Null);
        (await api.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/leads/{lead.GetProperty("id").GetGuid()}"))
            .GetProperty("notes").GetString().Should().Be("Met at the fair");
    }
}
