using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Application.Common;
using CleanRag.Application.Plans.SetCompanyPlan;
using CleanRag.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Widget.Tests;

/// <summary>A company owner with one deployed project, using the dashboard API as the dashboard does.</summary>
public sealed class Dashboard(HttpClient client, Guid projectId)
{
    public const string Knowledge =
        "# Vision\n\nThe Plus plan covers one eye exam per year. Glasses are covered up to 150 dollars per year.\n\n" +
        "# Dental\n\nDental cleanings are covered twice a year.";

    public Guid ProjectId { get; } = projectId;

    public Guid CompanyId { get; private init; }

    /// <summary>
    /// Signs up an owner, creates a project with <paramref name="settings"/> (allowed origins, widget switch, limits),
    /// uploads the knowledge, deploys and waits until the project is live.
    /// </summary>
    public static async Task<Dashboard> LiveProjectAsync(object settings)
    {
        var client = WidgetHost.Api.CreateClient();
        var signup = await client.PostAsJsonAsync("/v1/auth/signup",
            new { email = $"owner-{Guid.NewGuid():N}@example.com", password = "correct horse battery staple", name = "Owner" });
        await EnsureAsync(signup, HttpStatusCode.Created, HttpStatusCode.OK);
        var token = (await signup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var company = await client.PostAsJsonAsync("/v1/companies", new { name = "Northwind Optics" });
        await EnsureAsync(company, HttpStatusCode.Created, HttpStatusCode.OK);

        var created = await client.PostAsJsonAsync("/v1/projects", settings);
        await EnsureAsync(created, HttpStatusCode.Created, HttpStatusCode.OK);
        var dashboard = new Dashboard(client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid())
        {
            CompanyId = (await company.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
        };

        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Knowledge));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "files", "benefits.md");
        await EnsureAsync(await client.PostAsync(dashboard.Route("/documents"), form), HttpStatusCode.Created);
        await EnsureAsync(await client.PostAsync(dashboard.Route("/deploy"), null), HttpStatusCode.OK);
        await Eventually.IsTrueAsync(async () => (await dashboard.GetAsync("")).GetProperty("status").GetString() == "live",
            TimeSpan.FromSeconds(90), "the project is live");
        return dashboard;
    }

    /// <summary>The settings of a project whose widget pages of <paramref name="origin"/> may use.</summary>
    public static object WidgetOn(string origin, int perVisitorPerMinute = 100) => new
    {
        name = "Northwind Optics",
        allowedOrigins = new[] { origin },
        widgetEnabled = true,
        rateLimits = new { widgetRequestsPerMinutePerVisitor = perVisitorPerMinute },
    };

    public string Route(string path) => $"/v1/projects/{ProjectId}{path}";

    public async Task<JsonElement> GetAsync(string path) => await client.GetFromJsonAsync<JsonElement>(Route(path));

    public async Task<List<JsonElement>> ConversationsAsync() => (await GetAsync("/conversations")).EnumerateArray().ToList();

    /// <summary>The stored event types of a conversation, in order.</summary>
    public async Task<List<string>> EventTypesAsync(Guid conversationId) =>
        (await GetAsync($"/conversations/{conversationId}/events")).GetProperty("events").EnumerateArray()
        .Select(e => e.GetProperty("type").GetString()!).ToList();

    public async Task<JsonElement> EventsAsync(Guid conversationId) =>
        await GetAsync($"/conversations/{conversationId}/events");

    /// <summary>A person of the company answers the visitor from the dashboard.</summary>
    public async Task ReplyAsync(Guid conversationId, string content) =>
        await EnsureAsync(await client.PostAsJsonAsync(Route($"/conversations/{conversationId}/replies"), new { content }),
            HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted);

    public async Task SubscribeAsync(string url, params string[] events) =>
        await EnsureAsync(await client.PostAsJsonAsync(Route("/webhooks"), new { url, events }), HttpStatusCode.Created);

    /// <summary>Puts the company on <paramref name="plan"/>, as the operator's <c>plans set</c> verb does.</summary>
    public async Task PutOnPlanAsync(string plan)
    {
        await using var scope = WidgetHost.Api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetAnonymousTenant(CompanyId);
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SetCompanyPlanCommand(CompanyId, plan));
    }

    private static async Task EnsureAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: " +
                        await response.Content.ReadAsStringAsync());
    }
}
