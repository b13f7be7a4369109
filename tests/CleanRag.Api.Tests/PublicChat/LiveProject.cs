using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>A deployed project with indexed knowledge and its live key, called as integrators and the widget call it.</summary>
public sealed record LiveProject(DocumentApi Documents, string LiveKey, CleanRagApiFactory Host)
{
    public const string Knowledge =
        "# Vision\n\nThe Plus plan covers one eye exam per year. Glasses are covered up to 150 dollars per year.\n\n" +
        "# Dental\n\nDental cleanings are covered twice a year.";

    public const string SiteOrigin = "https://shop.example.com";

    /// <summary>Rate limits for a test project, as the dashboard would set them.</summary>
    public sealed record Settings(int KeyRequestsPerMinute, int WidgetRequestsPerMinutePerVisitor)
    {
        public object Project() => new
        {
            name = "Limited",
            allowedOrigins = new[] { SiteOrigin },
            widgetEnabled = true,
            rateLimits = new { keyRequestsPerMinute = KeyRequestsPerMinute, widgetRequestsPerMinutePerVisitor = WidgetRequestsPerMinutePerVisitor },
        };
    }

    public Guid ProjectId => Documents.ProjectId;
    public TestActor Owner => Documents.Actor;

    /// <summary>Creates a project with the given settings, indexes <paramref name="knowledge"/>, deploys it and waits until it is live.</summary>
    public static async Task<LiveProject> CreateAsync(object? settings = null, string knowledge = Knowledge, CleanRagApiFactory? host = null)
    {
        host ??= ApiHost.Factory;
        var owner = await TestActors.NewOwnerAsync(host: host);
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", settings ?? new { name = "Support", allowedOrigins = new[] { SiteOrigin }, widgetEnabled = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var documents = new DocumentApi(owner, project.GetProperty("id").GetGuid());
        await documents.UploadOneAsync("benefits.md", DocumentApi.Text(knowledge));
        var deployed = await DeployAsync(owner, documents.ProjectId);
        var live = new LiveProject(documents, deployed.GetProperty("key").GetProperty("key").GetString()!, host);
        await live.WaitUntilLiveAsync();
        return live;
    }

    public static async Task<JsonElement> DeployAsync(TestActor admin, Guid projectId)
    {
        var response = await admin.Client.PostAsync($"/v1/projects/{projectId}/deploy", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task WaitUntilLiveAsync() =>
        Eventually.IsTrueAsync(async () =>
            (await Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{ProjectId}")).GetProperty("status").GetString() == "live",
            TimeSpan.FromSeconds(90), "the project is live", () => PipelineReport.DescribeAsync(Host));

    /// <summary>A server-side integrator's client, sending <paramref name="key"/> (the live key by default).</summary>
    public HttpClient KeyClient(string? key = null)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", key ?? LiveKey);
        return client;
    }

    public Task<HttpResponseMessage> AskAsync(object body, string? key = null) => KeyClient(key).PostAsJsonAsync("/v1/chat", body);

    public async Task<JsonElement> AnswerAsync(object body, string? key = null)
    {
        var response = await AskAsync(body, key);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>POSTs to the widget endpoint as a page of <paramref name="origin"/> would (null: no Origin header).</summary>
    public Task<HttpResponseMessage> WidgetAsync(object body, string? origin = SiteOrigin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(body) };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return Host.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async Task<JsonElement> EventsAsync(Guid conversationId, string query = "") =>
        await Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{ProjectId}/conversations/{conversationId}/events{query}");

    public static IReadOnlyList<string> EventTypes(JsonElement history) =>
        history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
}
