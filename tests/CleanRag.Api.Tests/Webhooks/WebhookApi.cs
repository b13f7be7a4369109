using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using CleanRag.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Webhooks;

/// <summary>Webhook calls as an admin's dashboard makes them, for one project.</summary>
public sealed record WebhookApi(TestActor Admin, Guid ProjectId)
{
    public static async Task<WebhookApi> NewProjectAsync()
    {
        var documents = await DocumentApi.NewProjectAsync();
        return new WebhookApi(documents.Actor, documents.ProjectId);
    }

    public string Route(string path = "") => $"/v1/projects/{ProjectId}/webhooks{path}";

    public Task<HttpResponseMessage> CreateAsync(object body) => Admin.Client.PostAsJsonAsync(Route(), body);

    /// <summary>Subscribes <paramref name="url"/> and returns the created webhook (with its secret).</summary>
    public async Task<JsonElement> SubscribeAsync(string url, params string[] events)
    {
        var response = await CreateAsync(new { url, events });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetAsync(Guid webhookId) =>
        await Admin.Client.GetFromJsonAsync<JsonElement>(Route($"/{webhookId}"));

    public async Task<List<JsonElement>> DeliveriesAsync(Guid webhookId) =>
        (await Admin.Client.GetFromJsonAsync<JsonElement>(Route($"/{webhookId}/deliveries?pageSize=200"))).EnumerateArray().ToList();

    /// <summary>Waits until the delivery log satisfies <paramref name="condition"/>.</summary>
    public Task<List<JsonElement>> WaitForDeliveriesAsync(Guid webhookId, Func<List<JsonElement>, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () =>
        {
            var deliveries = await DeliveriesAsync(webhookId);
            return condition(deliveries) ? deliveries : null;
        }, timeout ?? TimeSpan.FromSeconds(60), what);

    /// <summary>
    /// Appends conversation events straight to the event store, as the chat would, for this project's company.
    /// Returns the conversation id.
    /// </summary>
    public async Task<Guid> StartConversationAsync(params Func<Guid, IDomainEvent>[] then)
    {
        var conversationId = Guid.CreateVersion7();
        var started = new ConversationStarted(conversationId, ProjectId, "visitor-1", "session-1", ConversationChannel.Widget, false,
            "https://shop.example.com/help", DateTimeOffset.UtcNow);
        await using var scope = ApiHost.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>().ForTenant(Admin.CompanyId);
        await store.StartStreamAsync<Conversation>(conversationId, [started, .. then.Select(e => e(conversationId))], CancellationToken.None);
        return conversationId;
    }

    public static bool Is(JsonElement element, string property, string value) => element.GetProperty(property).GetString() == value;
}
