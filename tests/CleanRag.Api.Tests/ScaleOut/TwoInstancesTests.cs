using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CleanRag.Api.Tests.ScaleOut;

/// <summary>
/// Two API instances behind one proxy, on one PostgreSQL and one RabbitMQ (target api_scaleout), each with its own data
/// directory for its search index and one shared directory for uploaded files and generated keys, with rate limits counted
/// in PostgreSQL.
/// </summary>
[NonParallelizable]
public sealed class TwoInstancesTests
{
    private const string Target = "api_scaleout";
    private const string Proxy = "10.0.0.5";
    private CleanRagApiFactory _first = null!;
    private CleanRagApiFactory _second = null!;

    [OneTimeSetUp]
    public void StartTwoInstances()
    {
        _first = Instance("first");
        _second = Instance("second");
        _ = _first.Server;
        _ = _second.Server;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Test]
    public async Task A_keys_rate_limit_is_exact_across_both_instances()
    {
        var project = await LiveProject.CreateAsync(new LiveProject.Settings(KeyRequestsPerMinute: 4, WidgetRequestsPerMinutePerVisitor: 20).Project(), host: _first);
        var onSecond = project with { Host = _second };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await (i % 2 == 0 ? project : onSecond).AskAsync(new { question = "What about glasses?" })).StatusCode);

        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(4, string.Join(", ", statuses));
        statuses.Skip(4).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task An_upload_link_signed_by_one_instance_is_accepted_by_the_other_and_the_file_is_seen_by_both()
    {
        var owner = await TestActors.NewOwnerAsync(host: _first);
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Shared" })).Content.ReadFromJsonAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetGuid();
        var link = await (await owner.Client.PostAsJsonAsync($"/v1/projects/{projectId}/documents/upload-url",
            new { filename = "notes.md", contentType = "text/markdown" })).Content.ReadFromJsonAsync<JsonElement>();
        var uploadPath = new Uri(link.GetProperty("uploadUrl").GetString()!).PathAndQuery;

        var put = await _second.CreateClient().PutAsync(uploadPath, new ByteArrayContent(DocumentApi.Text("# Notes\n\nParcels ship within two days.")));
        put.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent], await put.Content.ReadAsStringAsync());

        var documentId = link.GetProperty("documentId").GetGuid();
        var confirmed = await owner.Client.PostAsync($"/v1/projects/{projectId}/documents/{documentId}/confirm", null);
        confirmed.IsSuccessStatusCode.Should().BeTrue(await confirmed.Content.ReadAsStringAsync());
        await new DocumentApi(owner, projectId).SyncAsync();
        (await new DocumentApi(owner, projectId).WaitUntilSettledAsync()).Should().OnlyContain(d => d.GetProperty("status").GetString() == "indexed",
            "whichever instance takes the ingestion message reads the file from the shared directory");
    }

    [Test]
    public async Task Behind_a_known_proxy_log_in_throttling_counts_each_client_address_and_ignores_forged_headers()
    {
        var client = _first.CreateClient();
        async Task<HttpStatusCode> FailLogInAsync(string from, string? forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/login")
            {
                Content = JsonContent.Create(new { email = TestActors.NewEmail(), password = "wrong password here" }),
            };
            request.Headers.Add(TestClientAddress.Header, from);
            if (forwardedFor is not null)
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await client.SendAsync(request)).StatusCode;
        }
        var blocked = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var other = $"198.51.100.{Random.Shared.Next(1, 250)}";

        for (var i = 0; i < 8; i++)
            (await FailLogInAsync(Proxy, blocked)).Should().Be(HttpStatusCode.Unauthorized);

        (await FailLogInAsync(Proxy, blocked)).Should().Be(HttpStatusCode.TooManyRequests, "the client behind the proxy reached its limit");
        (await FailLogInAsync(Proxy, other)).Should().Be(HttpStatusCode.Unauthorized, "another client behind the same proxy is counted apart");
        (await FailLogInAsync($"192.0.2.{Random.Shared.Next(1, 250)}", blocked)).Should().Be(HttpStatusCode.Unauthorized,
            "X-Forwarded-For from a client that is no known proxy is ignored");
    }

    private static CleanRagApiFactory Instance(string name) => new(builder =>
    {
        builder.UseSetting("Data:Directory", Path.Combine(TestServices.DataDirectory(Target), name));
        builder.UseSetting("Data:SharedDirectory", Path.Combine(TestServices.DataDirectory(Target), "shared"));
        builder.UseSetting("RateLimits:Store", "postgres");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
    }, Target);
}
