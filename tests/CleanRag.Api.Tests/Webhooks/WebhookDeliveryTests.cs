using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Domain.Conversations;
using CleanRag.Testing;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace CleanRag.Api.Tests.Webhooks;

public class WebhookDeliveryTests
{
    [Test]
    public async Task Document_events_arrive_signed_so_that_the_receiver_verifies_them_as_the_README_shows()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var documents = await DocumentApi.NewProjectAsync();
        var api = new WebhookApi(documents.Actor, documents.ProjectId);
        var webhook = await api.SubscribeAsync(receiver.Url, "document.indexed", "document.failed");
        var secret = webhook.GetProperty("secret").GetString()!;

        await documents.UploadOneAsync("returns.md", DocumentApi.Text("# Returns\n\nReturns are free within 30 days."));
        await documents.UploadOneAsync("broken.pdf", DocumentApi.Text("%PDF-1.7 this is not really a pdf"));
        await documents.SyncAsync();
        var received = await receiver.WaitForAsync(r => r.Count(w => w.Accepted) >= 2, "both document events");

        received.Should().HaveCount(2);
        foreach (var request in received)
        {
            var now = DateTimeOffset.UtcNow;
            var signature = request.Headers["X-CleanRag-Signature"];
            signature.Should().MatchRegex("^sha256=[0-9a-f]{64}$");
            long.Parse(request.Headers["X-CleanRag-Timestamp"]).Should().BeCloseTo(now.ToUnixTimeSeconds(), 60);
            CleanRagWebhook.Verify(secret, signature, request.Body).Should().BeTrue();
            // ...and the same check rejects what it must.
            CleanRagWebhook.Verify(secret + "x", signature, request.Body).Should().BeFalse("another secret");
            CleanRagWebhook.Verify(secret, signature, request.Body.Replace("\"", "'")).Should().BeFalse("a changed body");

            // A receiver using a Standard Webhooks library accepts the same delivery, and refuses a replay.
            request.Headers["webhook-id"].Should().Be(request.DeliveryId.ToString());
            var standard = new StandardWebhook(secret);
            standard.Invoking(w => w.Verify(request.Body, StandardHeaders(request))).Should().NotThrow();
            standard.Invoking(w => w.Verify(request.Body.Replace("\"", "'"), StandardHeaders(request)))
                .Should().Throw<WebhookVerificationException>("a changed body");
            var replayed = StandardHeaders(request);
            replayed["webhook-timestamp"] = (long.Parse(request.Headers["webhook-timestamp"]) - 6 * 60).ToString(CultureInfo.InvariantCulture);
            standard.Invoking(w => w.Verify(request.Body, replayed)).Should().Throw<WebhookVerificationException>("signed 6 minutes ago");

            request.Headers["Content-Type"].Should().StartWith("application/json");
            var payload = request.Json;
            payload.EnumerateObject().Select(p => p.Name).Should().Equal("id", "type", "createdAt", "projectId", "data");
            payload.GetProperty("type").GetString().Should().Be(request.Event);
            payload.GetProperty("projectId").GetGuid().Should().Be(api.ProjectId);
            payload.GetProperty("id").GetGuid().Should().NotBeEmpty();
            payload.GetProperty("createdAt").GetDateTimeOffset().Should().BeCloseTo(now, TimeSpan.FromMinutes(1));
        }
        var indexed = received.Single(r => r.Event == "document.indexed").Json.GetProperty("data");
        indexed.GetProperty("fileName").GetString().Should().Be("returns.md");
        indexed.GetProperty("chunkCount").GetInt32().Should().BePositive();
        var failed = received.Single(r => r.Event == "document.failed").Json.GetProperty("data");
        failed.GetProperty("fileName").GetString().Should().Be("broken.pdf");
        failed.GetProperty("code").GetString().Should().Be("corrupt_file");

        var log = await api.DeliveriesAsync(webhook.GetProperty("id").GetGuid());
        log.Should().HaveCount(2).And.OnlyContain(d => WebhookApi.Is(d, "status", "delivered")
                                                        && d.GetProperty("attempts").GetInt32() == 1
                                                        && d.GetProperty("lastStatusCode").GetInt32() == 200
                                                        && d.GetProperty("lastLatencyMs").GetInt64() >= 0);
        log.Select(d => d.GetProperty("id").GetGuid()).Should().BeEquivalentTo(received.Select(r => r.DeliveryId));
    }

    [Test]
    public async Task Conversation_events_reach_exactly_the_webhooks_subscribed_to_their_type()
    {
        await using var everything = await WebhookReceiver.StartAsync();
        await using var leadsOnly = await WebhookReceiver.StartAsync();
        var api = await WebhookApi.NewProjectAsync();
        await api.SubscribeAsync(everything.Url,
            "conversation.started", "lead.created", "escalation.requested", "feedback.negative", "question.unanswered", "document.indexed", "document.failed");
        await api.SubscribeAsync(leadsOnly.Url, "lead.created");
        var now = DateTimeOffset.UtcNow;
        var asked = Guid.NewGuid();

        var conversationId = await api.StartConversationAsync(
            c => new VisitorAsked(c, asked, "Can I return shoes?", "return shoes", now),
            c => new QuestionUnanswered(c, asked, "Can I return shoes?", 0.1, now),
            c => new FeedbackGiven(c, asked, Helpful: true, null, now),
            c => new FeedbackGiven(c, asked, Helpful: false, "Not helpful at all", now),
            c => new EscalationRequested(c, Guid.NewGuid(), "visitor_request", "ada@example.com", null, now));

        var all = await everything.WaitForAsync(r => r.Count >= 5, "five conversation events");
        var leads = await leadsOnly.WaitForAsync(r => r.Count >= 1, "the lead");
        await Task.Delay(1000); // room for anything wrongly sent on top
        all = everything.Received;

        all.Select(r => r.Event).Should().BeEquivalentTo(
            "conversation.started", "question.unanswered", "feedback.negative", "escalation.requested", "lead.created");
        all.Should().OnlyContain(r => r.Json.GetProperty("projectId").GetGuid() == api.ProjectId
                                      && r.Json.GetProperty("data").GetProperty("conversationId").GetGuid() == conversationId);
        all.Select(r => r.Json.GetProperty("id").GetGuid()).Should().OnlyHaveUniqueItems();
        var feedback = all.Single(r => r.Event == "feedback.negative").Json.GetProperty("data");
        feedback.GetProperty("comment").GetString().Should().Be("Not helpful at all");
        feedback.GetProperty("question").GetString().Should().Be("Can I return shoes?");
        all.Single(r => r.Event == "conversation.started").Json.GetProperty("data").GetProperty("channel").GetString().Should().Be("widget");

        leadsOnly.Received.Should().ContainSingle();
        var lead = leads[0];
        lead.Event.Should().Be("lead.created");
        lead.Json.GetProperty("data").GetProperty("email").GetString().Should().Be("ada@example.com");
        lead.Json.GetProperty("id").GetGuid().Should().Be(all.Single(r => r.Event == "lead.created").Json.GetProperty("id").GetGuid(),
            "one event has one id, whichever webhook receives it");
    }

    [Test]
    public async Task A_failing_receiver_gets_retries_with_the_same_delivery_id_until_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(2);
        var api = await WebhookApi.NewProjectAsync();
        var webhook = await api.SubscribeAsync(receiver.Url, "lead.created");
        var webhookId = webhook.GetProperty("id").GetGuid();

        var ping = await api.Admin.Client.PostAsync(api.Route($"/{webhookId}/test"), null);
        ping.StatusCode.Should().Be(HttpStatusCode.Accepted, await ping.Content.ReadAsStringAsync());
        var deliveryId = (await ping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var attempts = await receiver.WaitForAsync(r => r.Any(w => w.Accepted), "the third attempt");

        attempts.Select(a => a.AnsweredStatus).Should().Equal(500, 500, 200);
        attempts.Should().OnlyContain(a => a.DeliveryId == deliveryId && a.Event == "ping");
        attempts.Select(a => a.Body).Distinct().Should().ContainSingle("every attempt posts the same payload");
        attempts.Should().OnlyContain(a => CleanRagWebhook.Verify(webhook.GetProperty("secret").GetString()!,
            a.Headers["X-CleanRag-Signature"], a.Body));
        // Backoff: 1 s, then 2 s, each ±20% (and up to one sweep interval late).
        (attempts[1].ReceivedAt - attempts[0].ReceivedAt).Should().BeGreaterThan(TimeSpan.FromSeconds(0.75));
        (attempts[2].ReceivedAt - attempts[1].ReceivedAt).Should().BeGreaterThan(TimeSpan.FromSeconds(1.55));
        attempts[0].Json.GetProperty("data").GetProperty("webhookId").GetGuid().Should().Be(webhookId);

        var logged = (await api.WaitForDeliveriesAsync(webhookId, l => l.Any(d => WebhookApi.Is(d, "status", "delivered")), "delivered")).Single();
        logged.GetProperty("id").GetGuid().Should().Be(deliveryId);
        logged.GetProperty("attempts").GetInt32().Should().Be(3);
        logged.GetProperty("lastStatusCode").GetInt32().Should().Be(200);
        logged.TryGetProperty("nextAttemptAt", out _).Should().BeFalse();
    }

    [Test]
    public async Task Repeated_failures_fail_the_deliveries_and_disable_the_webhook_until_an_admin_re_enables_it_and_redelivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailAlways();
        var api = await WebhookApi.NewProjectAsync();
        var webhookId = (await api.SubscribeAsync(receiver.Url, "conversation.started")).GetProperty("id").GetGuid();

        for (var i = 0; i < 3; i++)
            await api.StartConversationAsync();
        var disabled = await Eventually.GetAsync<JsonElement?>(async () =>
        {
            var webhook = await api.GetAsync(webhookId);
            return webhook.GetProperty("active").GetBoolean() ? (JsonElement?)null : webhook;
        }, TimeSpan.FromSeconds(60), "the webhook disabled");

        disabled!.Value.GetProperty("disabledReason").GetString().Should().Be("consecutive_failures");
        var failed = await api.DeliveriesAsync(webhookId);
        failed.Should().HaveCount(3).And.OnlyContain(d => WebhookApi.Is(d, "status", "failed")
                                                          && d.GetProperty("attempts").GetInt32() == 6
                                                          && d.GetProperty("lastStatusCode").GetInt32() == 500);
        failed.Should().OnlyContain(d => d.GetProperty("lastError").GetString() == "The receiver answered 500.");
        failed.Select(d => d.TryGetProperty("nextAttemptAt", out var next) ? next.ValueKind : JsonValueKind.Undefined)
            .Should().OnlyContain(kind => kind == JsonValueKind.Undefined, "a failed delivery has no next attempt");
        receiver.Received.Should().HaveCount(18);

        // Disabled: new events are not queued, nothing can be sent.
        await api.StartConversationAsync();
        var deliveryId = failed[0].GetProperty("id").GetGuid();
        await (await api.Admin.Client.PostAsync(api.Route($"/{webhookId}/deliveries/{deliveryId}/redeliver"), null))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "webhook_inactive");
        await (await api.Admin.Client.PostAsync(api.Route($"/{webhookId}/test"), null)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "webhook_inactive");
        await Task.Delay(1000);
        (await api.DeliveriesAsync(webhookId)).Should().HaveCount(3);

        (await api.Admin.Client.PatchAsJsonAsync(api.Route($"/{webhookId}"), new { active = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        receiver.Recover();
        var redelivered = await api.Admin.Client.PostAsync(api.Route($"/{webhookId}/deliveries/{deliveryId}/redeliver"), null);
        redelivered.StatusCode.Should().Be(HttpStatusCode.Accepted, await redelivered.Content.ReadAsStringAsync());

        var accepted = (await receiver.WaitForAsync(r => r.Any(w => w.Accepted), "the redelivery")).Single(r => r.Accepted);
        accepted.DeliveryId.Should().Be(deliveryId, "a redelivery is the same delivery");
        accepted.Body.Should().Be(receiver.Received.First(r => r.DeliveryId == deliveryId).Body);
        var log = await api.WaitForDeliveriesAsync(webhookId, l => l.Any(d => WebhookApi.Is(d, "status", "delivered")), "the redelivery logged");
        var entry = log.Single(d => d.GetProperty("id").GetGuid() == deliveryId);
        entry.GetProperty("status").GetString().Should().Be("delivered");
        entry.GetProperty("attempts").GetInt32().Should().Be(7);
        (await api.GetAsync(webhookId)).GetProperty("active").GetBoolean().Should().BeTrue();

        await (await api.Admin.Client.PostAsync(api.Route($"/{webhookId}/deliveries/{Guid.NewGuid()}/redeliver"), null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_delivery_not_found");
    }

    private static HeaderDictionary StandardHeaders(ReceivedWebhook request) => new()
    {
        ["webhook-id"] = request.Headers["webhook-id"],
        ["webhook-timestamp"] = request.Headers["webhook-timestamp"],
        ["webhook-signature"] = request.Headers["webhook-signature"],
    };
}
