using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Api.Tests.Webhooks;

namespace CleanRag.Api.Tests.Abuse;

/// <summary>
/// Every tenant route of the OpenAPI document, called by the owner of another company with the ids of one company's
/// project, documents, conversation, API key, webhook and delivery, lead, test prompt and run, and team member: each
/// answers 404 (or 400/415 where the input is refused before anything is looked up), never the other company's data.
/// </summary>
public class CrossTenantProbeTests
{
    /// <summary>Routes that are public by design or take a signed token rather than a tenant's id.</summary>
    private static readonly string[] NotTenantRoutes = ["/api/", "/widget", "/v1/widget/", "/v1/files/", "/v1/uploads/", "/v1/invites/"];

    [Test]
    public async Task Another_companys_ids_on_every_route_answer_404_and_leak_nothing()
    {
        var victim = await LiveProject.CreateAsync();
        var ids = await VictimIdsAsync(victim);
        var intruder = await TestActors.NewOwnerAsync("Intruder");
        var operations = (await OpenApiOperations.ListAsync(intruder.Client))
            .Where(o => o.Template.Contains('{') && !NotTenantRoutes.Any(o.Template.StartsWith))
            .ToList();

        var leaks = new List<string>();
        var statuses = new List<int>();
        foreach (var (method, template) in operations)
        {
            var path = OpenApiOperations.Fill(template, name => ids.TryGetValue(name, out var id) ? id : Guid.NewGuid().ToString());
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await intruder.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses.Add(status);
            if (status is not (404 or 400 or 415)) // 400 and 415: the input is refused before anything is looked up
                leaks.Add($"{method} {template}: {status} {(body.Length > 160 ? body[..160] : body)}");
            else if (ids.Values.Any(id => body.Contains(id, StringComparison.OrdinalIgnoreCase) && !path.Contains(id, StringComparison.OrdinalIgnoreCase)))
                leaks.Add($"{method} {template}: {status} names an id of the other company: {body}");
        }

        await TestContext.Out.WriteLineAsync($"cross-tenant probing: {operations.Count} routes, {leaks.Count} leaks; answers: " +
            string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}")));
        leaks.Should().BeEmpty();
        operations.Should().HaveCountGreaterThan(50);
    }

    /// <summary>The victim's resources, by the route parameter names that take them.</summary>
    private static async Task<Dictionary<string, string>> VictimIdsAsync(LiveProject victim)
    {
        var owner = victim.Owner.Client;
        var projectId = victim.ProjectId.ToString();
        var conversationId = (await victim.AnswerAsync(new { question = "How often are dental cleanings covered?" })).GetProperty("conversationId").GetString()!;
        var documentId = (await victim.Documents.ListAsync())[0].GetProperty("id").GetString()!;
        var keyId = (await owner.GetFromJsonAsync<JsonElement>($"/v1/projects/{projectId}/keys")).EnumerateArray().First().GetProperty("id").GetString()!;
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhooks = new WebhookApi(victim.Owner, victim.ProjectId);
        var webhookId = (await webhooks.SubscribeAsync(receiver.Url, "conversation.started")).GetProperty("id").GetString()!;
        (await owner.PostAsync($"/v1/projects/{projectId}/webhooks/{webhookId}/test", null)).EnsureSuccessStatusCode();
        var deliveryId = (await webhooks.WaitForDeliveriesAsync(Guid.Parse(webhookId), d => d.Count > 0, "the test delivery"))[0]
            .GetProperty("id").GetString()!;
        var leadId = await CreatedIdAsync(owner.PostAsJsonAsync("/v1/leads", new { projectId, email = "ada@example.com" }));
        var promptId = await CreatedIdAsync(owner.PostAsJsonAsync($"/v1/projects/{projectId}/test-prompts", new { question = "What about glasses?" }));
        var runId = await CreatedIdAsync(owner.PostAsJsonAsync($"/v1/projects/{projectId}/test-runs", new { promptIds = new[] { promptId } }));
        return new Dictionary<string, string>
        {
            ["id"] = projectId, ["projectId"] = projectId, ["conversationId"] = conversationId, ["documentId"] = documentId,
            ["keyId"] = keyId, ["webhookId"] = webhookId, ["deliveryId"] = deliveryId, ["leadId"] = leadId, ["promptId"] = promptId,
            ["runId"] = runId, ["userId"] = victim.Owner.UserId.ToString(), ["version"] = "1",
        };
    }

    private static async Task<string> CreatedIdAsync(Task<HttpResponseMessage> creating)
    {
        var response = await creating;
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
