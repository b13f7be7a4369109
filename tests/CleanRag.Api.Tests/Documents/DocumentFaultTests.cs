using CleanRag.Testing;

namespace CleanRag.Api.Tests.Documents;

/// <summary>Nothing accepted is lost when the broker goes away mid-ingestion.</summary>
[NonParallelizable]
public class DocumentFaultTests
{
    [Test]
    public async Task Every_confirmed_document_ends_indexed_or_failed_across_a_broker_restart()
    {
        var api = await DocumentApi.NewProjectAsync();
        for (var i = 0; i < 12; i++)
            await api.UploadOneAsync($"doc-{i}.md", DocumentApi.Text($"# Topic {i}\n\n" + string.Join(" ", Enumerable.Repeat($"fact{i} detail", 400))));

        await api.SyncAsync();
        TestServices.RestartBroker();

        var settled = await api.WaitUntilSettledAsync(TimeSpan.FromMinutes(3));
        settled.Should().HaveCount(12);
        settled.Should().OnlyContain(d => d.GetProperty("status").GetString() == "indexed",
            string.Join("\n", settled.Select(d => d.ToString())));
    }
}
