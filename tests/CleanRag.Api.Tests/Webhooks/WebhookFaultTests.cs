using System.Net.Http.Json;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Webhooks;

/// <summary>At-least-once: deliveries waiting for a retry survive a broker restart and an API restart.</summary>
[NonParallelizable]
public class WebhookFaultTests
{
    [Test]
    public async Task Every_event_is_delivered_across_a_broker_restart_while_deliveries_are_pending()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(6); // every first attempt fails: the deliveries wait for their retry
        var api = await WebhookApi.NewProjectAsync();
        var webhookId = (await api.SubscribeAsync(receiver.Url, "conversation.started")).GetProperty("id").GetGuid();
        var conversations = new List<Guid>();
        for (var i = 0; i < 6; i++)
            conversations.Add(await api.StartConversationAsync());
        await receiver.WaitForAsync(r => r.Count >= 6, "the first attempts");

        var restart = Task.Run(TestServices.RestartBroker);
        await Task.Delay(1000);
        for (var i = 0; i < 3; i++)
            conversations.Add(await api.StartConversationAsync()); // while the broker is away
        await restart;

        var received = await receiver.WaitForAsync(
            r => r.Where(w => w.Accepted).Select(w => w.DeliveryId).Distinct().Count() >= 9, "all nine events accepted", TimeSpan.FromMinutes(2));
        received.Where(w => w.Accepted).Select(w => w.Json.GetProperty("data").GetProperty("conversationId").GetGuid())
            .Distinct().Should().BeEquivalentTo(conversations);
        var log = await api.WaitForDeliveriesAsync(webhookId, l => l.Count == 9 && l.All(d => WebhookApi.Is(d, "status", "delivered")),
            "nine deliveries logged as delivered");
        // Six attempts failed (a retry may meet another failure before a later first attempt does), so nine
        // deliveries took at least fifteen attempts between them.
        log.Sum(d => d.GetProperty("attempts").GetInt32()).Should().BeGreaterThanOrEqualTo(9 + 6);
    }

    [Test]
    public async Task Every_event_is_delivered_across_an_API_restart_while_deliveries_are_pending()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailAlways();
        var api = await WebhookApi.NewProjectAsync();
        var webhookId = (await api.SubscribeAsync(receiver.Url, "conversation.started")).GetProperty("id").GetGuid();
        for (var i = 0; i < 4; i++)
            await api.StartConversationAsync();
        await receiver.WaitForAsync(r => r.Select(w => w.DeliveryId).Distinct().Count() >= 4, "a failed first attempt of each");

        var stoppedAt = DateTimeOffset.MinValue;
        await ApiHost.RestartAsync(whileStopped: async () =>
        {
            stoppedAt = DateTimeOffset.UtcNow;
            var seen = receiver.Received.Count;
            await Task.Delay(2500); // longer than the next retry is due
            receiver.Received.Count.Should().Be(seen, "nothing is attempted while the API is down");
            receiver.Recover();
        });
        var admin = ApiHost.Factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = api.Admin.Client.DefaultRequestHeaders.Authorization;
        var restarted = api with { Admin = api.Admin with { Client = admin } };

        var accepted = (await receiver.WaitForAsync(r => r.Count(w => w.Accepted) >= 4, "every delivery accepted")).Where(r => r.Accepted).ToList();
        accepted.Select(r => r.DeliveryId).Should().OnlyHaveUniqueItems().And.HaveCount(4);
        accepted.Should().OnlyContain(r => r.ReceivedAt > stoppedAt);
        var log = await restarted.WaitForDeliveriesAsync(webhookId, l => l.All(d => WebhookApi.Is(d, "status", "delivered")), "all delivered");
        log.Should().HaveCount(4).And.OnlyContain(d => d.GetProperty("attempts").GetInt32() >= 2);
        (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(restarted.Route($"/{webhookId}"))).GetProperty("active").GetBoolean().Should().BeTrue();
    }
}
