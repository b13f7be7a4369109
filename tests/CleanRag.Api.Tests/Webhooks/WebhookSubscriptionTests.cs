using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.Webhooks;

public class WebhookSubscriptionTests
{
    private const string ReceiverUrl = "http://127.0.0.1:9/hooks"; // allow-listed in the tests; never called here

    [Test]
    public async Task An_admin_subscribes_sees_the_generated_secret_and_manages_the_webhook()
    {
        var api = await WebhookApi.NewProjectAsync();

        var created = await api.SubscribeAsync(ReceiverUrl, "lead.created", "document.failed", "lead.created");
        var id = created.GetProperty("id").GetGuid();
        var secret = created.GetProperty("secret").GetString()!;
        secret.Should().StartWith("whsec_").And.HaveLength("whsec_".Length + 44); // 32 random bytes, standard base64
        created.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal("lead.created", "document.failed");
        created.GetProperty("active").GetBoolean().Should().BeTrue();
        (await api.GetAsync(id)).GetProperty("secret").GetString().Should().Be(secret);
        var listed = (await api.Admin.Client.GetFromJsonAsync<JsonElement>(api.Route())).EnumerateArray().Single();
        listed.GetProperty("id").GetGuid().Should().Be(id);
        listed.TryGetProperty("secret", out _).Should().BeFalse("lists do not repeat secrets");

        var rotated = await (await api.Admin.Client.PostAsync(api.Route($"/{id}/rotate-secret"), null)).Content.ReadFromJsonAsync<JsonElement>();
        rotated.GetProperty("secret").GetString().Should().StartWith("whsec_").And.NotBe(secret);
        (await api.GetAsync(id)).GetProperty("secret").GetString().Should().Be(rotated.GetProperty("secret").GetString());

        var disabled = await Patch(api, id, new { events = new[] { "question.unanswered" }, active = false });
        disabled.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal("question.unanswered");
        disabled.GetProperty("active").GetBoolean().Should().BeFalse();
        disabled.GetProperty("disabledReason").GetString().Should().Be("admin");
        (await Patch(api, id, new { active = true })).GetProperty("active").GetBoolean().Should().BeTrue();

        (await api.Admin.Client.DeleteAsync(api.Route($"/{id}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await api.Admin.Client.GetAsync(api.Route($"/{id}"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_not_found");
        (await api.Admin.Client.GetFromJsonAsync<JsonElement>(api.Route())).GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Members_may_not_see_or_manage_webhooks()
    {
        var api = await WebhookApi.NewProjectAsync();
        var webhookId = (await api.SubscribeAsync(ReceiverUrl, "lead.created")).GetProperty("id").GetGuid();
        var member = await TestActors.JoinAsync(api.Admin, "member");

        await (await member.Client.GetAsync(api.Route())).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.GetAsync(api.Route($"/{webhookId}"))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.PostAsJsonAsync(api.Route(), new { url = ReceiverUrl, events = new[] { "lead.created" } }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.PostAsync(api.Route($"/{webhookId}/test"), null)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        var admin = await TestActors.JoinAsync(api.Admin, "admin");
        (await admin.Client.GetAsync(api.Route($"/{webhookId}"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Another_companys_project_or_webhook_is_not_found()
    {
        var theirs = await WebhookApi.NewProjectAsync();
        var theirWebhook = (await theirs.SubscribeAsync(ReceiverUrl, "lead.created")).GetProperty("id").GetGuid();
        var mine = await WebhookApi.NewProjectAsync();
        var intruder = mine.Admin.Client;

        await (await intruder.GetAsync(theirs.Route())).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await intruder.GetAsync(theirs.Route($"/{theirWebhook}"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await intruder.PostAsJsonAsync(theirs.Route(), new { url = ReceiverUrl, events = new[] { "lead.created" } }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await intruder.PostAsync(theirs.Route($"/{theirWebhook}/rotate-secret"), null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await intruder.GetAsync(theirs.Route($"/{theirWebhook}/deliveries"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_not_found");
        // Their webhook id under my own project is just as unknown.
        await (await intruder.GetAsync(mine.Route($"/{theirWebhook}"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await intruder.DeleteAsync(mine.Route($"/{theirWebhook}"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "webhook_not_found");

        (await theirs.GetAsync(theirWebhook)).GetProperty("active").GetBoolean().Should().BeTrue();
    }

    [TestCase(null, new[] { "lead.created" }, "url is required.")]
    [TestCase("ftp://example.com/hooks", new[] { "lead.created" }, "url must be an absolute http(s) URL")]
    [TestCase("/hooks", new[] { "lead.created" }, "url must be an absolute http(s) URL")]
    [TestCase("https://user:pw@example.com/hooks", new[] { "lead.created" }, "without user name or password")]
    [TestCase("https://example.com/hooks", new string[0], "events must name at least one event type")]
    [TestCase("https://example.com/hooks", new[] { "lead.created", "order.shipped" }, "unknown event types ('order.shipped')")]
    public async Task Invalid_subscriptions_are_refused_with_a_clear_message(string? url, string[] events, string message)
    {
        var api = await WebhookApi.NewProjectAsync();

        var body = await (await api.CreateAsync(new { url, events })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        body.GetProperty("error").GetString().Should().Contain(message);
        (await api.Admin.Client.GetFromJsonAsync<JsonElement>(api.Route())).GetArrayLength().Should().Be(0);
    }

    [TestCase("http://127.0.0.2:9/hooks", "a loopback address")]
    [TestCase("http://localhost:9/hooks", "a loopback address")]
    [TestCase("http://[::1]:9/hooks", "a loopback address")]
    [TestCase("https://10.1.2.3/hooks", "a private address")]
    [TestCase("https://172.20.0.5/hooks", "a private address")]
    [TestCase("https://192.168.1.20/hooks", "a private address")]
    [TestCase("http://169.254.169.254/latest/meta-data/", "a cloud metadata address")]
    [TestCase("https://[fd00:ec2::254]/", "a cloud metadata address")]
    [TestCase("https://[fe80::1]/", "a link-local address")]
    [TestCase("https://0.0.0.0/", "a 'this network' address")]
    [TestCase("https://224.0.0.1/", "a multicast address")]
    [TestCase("https://[::1%251]:9/hooks", "::1%251 carries an IPv6 zone id")] // the zone id once hid loopback
    [TestCase("https://[::127.0.0.1]/", "an IPv4-compatible address")]
    [TestCase("https://192.0.2.10/", "a documentation address")]
    [TestCase("https://[2001:db8::10]/", "a documentation address")]
    public async Task Targets_on_loopback_private_link_local_metadata_or_other_special_purpose_addresses_are_refused(string url, string kind)
    {
        var api = await WebhookApi.NewProjectAsync();

        var body = await (await api.CreateAsync(new { url, events = new[] { "lead.created" } })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "unsafe_url");
        body.GetProperty("error").GetString().Should().Contain(kind);

        // Moving an existing webhook there is refused just the same.
        var webhookId = (await api.SubscribeAsync(ReceiverUrl, "lead.created")).GetProperty("id").GetGuid();
        await (await api.Admin.Client.PatchAsJsonAsync(api.Route($"/{webhookId}"), new { url })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "unsafe_url");
        (await api.GetAsync(webhookId)).GetProperty("url").GetString().Should().Be(ReceiverUrl);
    }

    private static async Task<JsonElement> Patch(WebhookApi api, Guid webhookId, object body)
    {
        var response = await api.Admin.Client.PatchAsJsonAsync(api.Route($"/{webhookId}"), body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
