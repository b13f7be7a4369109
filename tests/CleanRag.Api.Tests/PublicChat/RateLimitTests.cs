using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.PublicChat;

public class RateLimitTests
{
    private static LiveProject.Settings Limited(int keyLimit = 60, int perVisitor = 20) => new(keyLimit, perVisitor);

    [Test]
    public async Task Every_keyed_response_carries_the_rate_limit_headers()
    {
        var project = await LiveProject.CreateAsync();

        var ok = await project.AskAsync(new { question = "What about glasses?" });
        var invalid = await project.AskAsync(new { question = " " });

        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Header(ok, "X-RateLimit-Limit").Should().Be(60, "the plan's default");
        Header(ok, "X-RateLimit-Remaining").Should().Be(59);
        Header(invalid, "X-RateLimit-Remaining").Should().Be(58, "rejected requests count too");
        Header(ok, "X-RateLimit-Reset").Should().BeInRange(
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddSeconds(61).ToUnixTimeSeconds());
    }

    [Test]
    public async Task Over_the_limit_a_key_gets_429_with_retry_after()
    {
        var project = await LiveProject.CreateAsync(Limited(keyLimit: 2).Project());

        (await project.AskAsync(new { question = "What about glasses?" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await project.AskAsync(new { question = "What about glasses?" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var limited = await project.AskAsync(new { question = "What about glasses?" });

        var body = await limited.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = body.GetProperty("retryAfter").GetInt32();
        retryAfter.Should().BeInRange(1, 60);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().Be(retryAfter);
        Header(limited, "X-RateLimit-Remaining").Should().Be(0);
        var otherKey = await (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/keys", new { name = "other", environment = "test" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await project.AskAsync(new { question = "What about glasses?" }, otherKey.GetProperty("key").GetString()))
            .StatusCode.Should().Be(HttpStatusCode.OK, "limits are per key");
    }

    [Test]
    public async Task Racing_requests_never_get_more_than_the_limit()
    {
        const int limit = 5;
        var project = await LiveProject.CreateAsync(Limited(keyLimit: limit).Project());
        var client = project.KeyClient();

        // 100 requests race for 5 slots; "What is 2+2?" is refused quickly, so the race is on the limiter.
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.PostAsJsonAsync("/v1/chat", new { question = "What is 2+2?" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(limit);
        responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests).Should().Be(100 - limit);
    }

    [Test]
    public async Task The_widget_is_limited_per_visitor_with_a_message_the_page_can_read()
    {
        var project = await LiveProject.CreateAsync(Limited(perVisitor: 2).Project());
        object Message(string visitor) => new { project_id = project.ProjectId, message = "What is 2+2?", visitor_id = visitor };

        (await project.WidgetAsync(Message("alice"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await project.WidgetAsync(Message("alice"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var limited = await project.WidgetAsync(Message("alice"));

        (await limited.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited")).GetProperty("error").GetString()
            .Should().StartWith("You're sending messages a little too quickly.");
        limited.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(LiveProject.SiteOrigin);
        limited.Headers.RetryAfter.Should().NotBeNull();
        (await project.WidgetAsync(Message("bob"))).StatusCode.Should().Be(HttpStatusCode.OK, "another visitor has their own allowance");
    }

    private static long Header(HttpResponseMessage response, string name) => long.Parse(response.Headers.GetValues(name).Single());
}
