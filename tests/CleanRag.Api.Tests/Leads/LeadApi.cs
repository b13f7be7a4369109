using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using CleanRag.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Leads;

/// <summary>The leads routes as a company's dashboard calls them, for one project of the company.</summary>
public sealed record LeadApi(TestActor Owner, Guid ProjectId)
{
    public static async Task<LeadApi> NewProjectAsync()
    {
        var webhooks = await WebhookApi.NewProjectAsync();
        return new LeadApi(webhooks.Admin, webhooks.ProjectId);
    }

    public WebhookApi Webhooks => new(Owner, ProjectId);

    public static Task<HttpResponseMessage> CreateAsync(TestActor actor, object body) => actor.Client.PostAsJsonAsync("/v1/leads", body);

    /// <summary>Creates a lead in this project as <paramref name="actor"/> (the owner by default) and returns it.</summary>
    public async Task<JsonElement> CreateAsync(string? email = "ada@example.com", string? phone = null, string? name = null, string? notes = null,
        Guid? conversationId = null, TestActor? actor = null)
    {
        var response = await CreateAsync(actor ?? Owner, new { projectId = ProjectId, email, phone, name, notes, conversationId });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PatchAsync(TestActor actor, Guid leadId, object body) =>
        actor.Client.PatchAsJsonAsync($"/v1/leads/{leadId}", body);

    /// <summary>The leads of one page of <c>GET /v1/leads{query}</c>.</summary>
    public async Task<List<JsonElement>> ListAsync(string query = "", TestActor? actor = null)
    {
        var response = await (actor ?? Owner).Client.GetAsync($"/v1/leads{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>The project's leads of a conversation, once <paramref name="condition"/> holds for them.</summary>
    public Task<List<JsonElement>> WaitForLeadsAsync(Guid conversationId, Func<List<JsonElement>, bool> condition, string what) =>
        Eventually.GetAsync(async () =>
        {
            var leads = (await ListAsync($"?projectId={ProjectId}")).Where(l => ConversationOf(l) == conversationId).ToList();
            return condition(leads) ? leads : null;
        }, TimeSpan.FromSeconds(60), what);

    /// <summary>The lead's conversation; the API leaves out null fields.</summary>
    public static Guid? ConversationOf(JsonElement lead) =>
        lead.TryGetProperty("conversationId", out var conversationId) ? conversationId.GetGuid() : null;

    /// <summary>Starts a conversation of the project with these events, appended as the chat would; returns its id.</summary>
    public Task<Guid> StartConversationAsync(params Func<Guid, IDomainEvent>[] then) => Webhooks.StartConversationAsync(then);

    /// <summary>Appends a visitor's message to the conversation, as the chat would.</summary>
    public async Task SayAsync(Guid conversationId, string message)
    {
        await using var scope = ApiHost.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>().ForTenant(Owner.CompanyId);
        var conversation = await store.LoadAsync<Conversation>(conversationId, CancellationToken.None);
        await store.AppendAsync(conversationId, conversation!.Version,
            [new VisitorAsked(conversationId, Guid.NewGuid(), message, message, DateTimeOffset.UtcNow)], CancellationToken.None);
    }

    public static VisitorAsked Asked(Guid conversationId, string message) =>
        new(conversationId, Guid.NewGuid(), message, message, DateTimeOffset.UtcNow);
}
