using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Faults;

/// <summary>
/// kill -9 of the API process (target api_kill) in the middle of ingesting a batch and delivering its webhooks, and while
/// webhook deliveries wait for their retry: after a restart every document ends indexed, none is stuck, and every webhook
/// arrives at least once.
/// </summary>
[NonParallelizable]
public sealed class KillTests
{
    private const string Target = "api_kill";
    private const int Documents = 30;

    [Test]
    public async Task After_a_kill_mid_ingestion_every_document_ends_indexed_and_every_webhook_arrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Guid projectId;
        HttpClient owner;
        string killedWhile;
        await using (var first = await ApiProcess.StartAsync(Target, CleanRagApiFactory.WebhookTestSettings))
        {
            owner = (await TestActors.NewOwnerAsync(first.Client(), "Killed Inc")).Client;
            projectId = await CreateProjectAsync(owner);
            var webhook = await owner.PostAsJsonAsync($"/v1/projects/{projectId}/webhooks", new { url = receiver.Url, events = new[] { "document.indexed" } });
            webhook.EnsureSuccessStatusCode();
            var upload = new MultipartFormDataContent();
            for (var i = 0; i < Documents; i++)
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"# Topic {i}\n\n" + string.Join(" ", Enumerable.Repeat($"fact{i} detail", 1500))));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
                upload.Add(file, "files", $"doc-{i}.md");
            }
            var uploaded = await owner.PostAsync($"/v1/projects/{projectId}/documents", upload);
            uploaded.IsSuccessStatusCode.Should().BeTrue(await uploaded.Content.ReadAsStringAsync());
            (await owner.PostAsync($"/v1/projects/{projectId}/documents/sync", null)).EnsureSuccessStatusCode();
            await Eventually.IsTrueAsync(async () => (await StatusesAsync(owner, projectId)).Contains("indexed"), TimeSpan.FromSeconds(60), "a first document indexed");

            killedWhile = Summary(await StatusesAsync(owner, projectId));
            await first.KillAsync();
        }

        await using var second = await ApiProcess.StartAsync(Target, CleanRagApiFactory.WebhookTestSettings);
        var client = second.Client();
        client.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        var settled = await Eventually.GetAsync(async () =>
        {
            var statuses = await StatusesAsync(client, projectId);
            return statuses.All(s => s is "indexed" or "failed") ? statuses : null;
        }, TimeSpan.FromMinutes(3), "every document to settle after the restart");
        var deliveries = await receiver.WaitForAsync(r => DocumentIds(r).Count == Documents, "a webhook for every document", TimeSpan.FromMinutes(2));

        var duplicates = deliveries.Count - DocumentIds(deliveries).Count;
        await TestContext.Out.WriteLineAsync($"kill -9 mid-ingestion: killed while {killedWhile}; after the restart {Summary(settled)}; " +
                                             $"{deliveries.Count} document.indexed deliveries for {Documents} documents ({duplicates} duplicates)");
        settled.Should().HaveCount(Documents).And.OnlyContain(s => s == "indexed");
    }

    [Test]
    public async Task After_a_kill_while_deliveries_wait_for_their_retry_every_webhook_arrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailAlways();
        var conversations = new List<Guid>();
        HttpClient owner;
        int attemptsBeforeKill;
        await using (var first = await ApiProcess.StartAsync(Target, CleanRagApiFactory.WebhookTestSettings))
        {
            owner = (await TestActors.NewOwnerAsync(first.Client(), "Killed Inc")).Client;
            var projectId = await CreateProjectAsync(owner);
            (await owner.PostAsJsonAsync($"/v1/projects/{projectId}/webhooks", new { url = receiver.Url, events = new[] { "conversation.started" } }))
                .EnsureSuccessStatusCode();
            for (var i = 0; i < 4; i++)
            {
                var chat = await owner.PostAsJsonAsync($"/v1/projects/{projectId}/chat", new { question = $"Is anyone there? ({i})" });
                chat.EnsureSuccessStatusCode();
                conversations.Add((await chat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetGuid());
            }
            await receiver.WaitForAsync(r => r.Select(w => w.DeliveryId).Distinct().Count() >= conversations.Count, "a failed first attempt of each delivery");

            await first.KillAsync();
            attemptsBeforeKill = receiver.Received.Count;
        }
        receiver.Recover();

        await using var second = await ApiProcess.StartAsync(Target, CleanRagApiFactory.WebhookTestSettings);
        var accepted = (await receiver.WaitForAsync(r => StartedConversations(r.Where(w => w.Accepted)).IsSupersetOf(conversations),
            "every conversation.started accepted after the restart", TimeSpan.FromMinutes(2))).Where(w => w.Accepted).ToList();

        var duplicates = accepted.Count - StartedConversations(accepted).Count;
        await TestContext.Out.WriteLineAsync($"kill -9 while {conversations.Count} webhook deliveries waited for their retry ({attemptsBeforeKill} failed attempts " +
                                             $"before the kill): after the restart {StartedConversations(accepted).Count} of {conversations.Count} delivered ({duplicates} duplicates)");
        StartedConversations(accepted).Should().BeEquivalentTo(conversations);
    }

    private static HashSet<Guid> StartedConversations(IEnumerable<ReceivedWebhook> deliveries) =>
        deliveries.Select(d => d.Json.GetProperty("data").GetProperty("conversationId").GetGuid()).ToHashSet();

    private static async Task<Guid> CreateProjectAsync(HttpClient owner)
    {
        var project = await (await owner.PostAsJsonAsync("/v1/projects", new { name = "Batch" })).Content.ReadFromJsonAsync<JsonElement>();
        return project.GetProperty("id").GetGuid();
    }

    private static async Task<List<string>> StatusesAsync(HttpClient client, Guid projectId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/v1/projects/{projectId}/documents?pageSize=100");
        var items = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items");
        return items.EnumerateArray().Select(d => d.GetProperty("status").GetString()!).ToList();
    }

    private static string Summary(IEnumerable<string> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));

    private static HashSet<string> DocumentIds(IEnumerable<ReceivedWebhook> deliveries) =>
        deliveries.Where(d => d.Event == "document.indexed").Select(d => d.Body).Select(DocumentIdOf).ToHashSet();

    private static string DocumentIdOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("documentId").GetString()!;
    }
}
