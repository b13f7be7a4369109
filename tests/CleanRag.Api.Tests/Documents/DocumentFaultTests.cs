using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Documents;

/// <summary>Nothing accepted is lost when the broker goes away mid-ingestion.</summary>
[NonParallelizable]
public class DocumentFaultTests
{
    // Two batches of ingestion at least (RabbitMq:BatchSize 50), so the run has a middle to interrupt; one upload.
    private const int Documents = 100;

    // Words per document: enough that indexing the sync takes seconds, so the poll below sees it under way. With 1,000
    // words the 100 documents went from queued to indexed in 0.9 s, and the poll missed that in one run of three.
    private const int WordsPerDocument = 10_000;

    [Test]
    public async Task Every_document_of_a_sync_ends_indexed_or_failed_and_gets_its_webhook_across_a_broker_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var api = await DocumentApi.NewProjectAsync();
        (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/webhooks",
            new { url = receiver.Url, events = new[] { "document.indexed", "document.failed" } })).EnsureSuccessStatusCode();
        var uploaded = await api.UploadAsync(Enumerable.Range(0, Documents)
            .Select(i => ($"doc-{i}.md", DocumentApi.Text($"# Topic {i}\n\n" + string.Join(" ", Enumerable.Repeat($"fact{i} detail", WordsPerDocument)))))
            .ToArray());
        uploaded.IsSuccessStatusCode.Should().BeTrue(await uploaded.Content.ReadAsStringAsync());

        await api.SyncAsync();
        // Ingestion takes its documents in batches, marked processing together and indexed together: the broker goes
        // away once a batch is being indexed, or between batches, while other documents still wait. (Waiting for
        // "processing" alone raced a batch indexed faster than the list is polled.)
        var restartedWhile = await Eventually.GetAsync(async () =>
        {
            var statuses = Statuses(await api.ListAsync());
            var settled = statuses.Count(s => s is "indexed" or "failed");
            return statuses.Contains("processing") || (settled > 0 && settled < Documents) ? statuses : null;
        }, TimeSpan.FromSeconds(60), "a first document processing or settled while others wait", () => PipelineReport.DescribeAsync(ApiHost.Factory));
        TestServices.RestartBroker();

        var settled = await api.WaitUntilSettledAsync(TimeSpan.FromMinutes(3));
        var settledIds = settled.Select(d => d.GetProperty("id").GetGuid()).ToHashSet();
        var deliveries = await receiver.WaitForAsync(r => DeliveredDocuments(r).SetEquals(settledIds),
            "a document.indexed or document.failed delivery for every document", TimeSpan.FromMinutes(2));
        var duplicates = deliveries.Count - DeliveredDocuments(deliveries).Count;
        await TestContext.Out.WriteLineAsync(
            $"RabbitMQ restart mid-sync: restarted while {Summary(restartedWhile)}; after the restart {Summary(Statuses(settled))}; " +
            $"{deliveries.Count} document webhooks for {Documents} documents ({duplicates} duplicates)");

        restartedWhile.Count(s => s is "indexed" or "failed").Should().BeLessThan(Documents, "the broker must go away while documents still wait");
        settled.Should().HaveCount(Documents);
        settled.Should().OnlyContain(d => d.GetProperty("status").GetString() == "indexed" ||
                                          (d.GetProperty("status").GetString() == "failed" && d.GetProperty("error").GetProperty("reason").GetString()!.Length > 0),
            string.Join("\n", settled.Select(d => d.ToString())));
        foreach (var delivery in deliveries)
            delivery.Event.Should().Be(StatusEvent(settled.Single(d => d.GetProperty("id").GetGuid() == DocumentId(delivery))));
    }

    private static List<string> Statuses(IEnumerable<JsonElement> documents) => documents.Select(d => d.GetProperty("status").GetString()!).ToList();

    private static string Summary(IEnumerable<string> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));

    private static string StatusEvent(JsonElement document) => $"document.{document.GetProperty("status").GetString()}";

    private static HashSet<Guid> DeliveredDocuments(IEnumerable<ReceivedWebhook> deliveries) => deliveries.Select(DocumentId).ToHashSet();

    private static Guid DocumentId(ReceivedWebhook delivery) => delivery.Json.GetProperty("data").GetProperty("documentId").GetGuid();
}
