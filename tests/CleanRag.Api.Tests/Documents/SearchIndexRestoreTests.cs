using CleanRag.Application.Search;
using CleanRag.Domain.Documents;
using CleanRag.Infrastructure.Search;
using CleanRag.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleanRag.Api.Tests.Documents;

[NonParallelizable] // restarts the shared API host
public class SearchIndexRestoreTests
{
    private static Task<IReadOnlyList<SearchHit>> SearchAsync(DocumentApi api, string text) =>
        ApiHost.Factory.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            new HybridQuery(new ProjectScope(api.Actor.CompanyId, api.ProjectId), text, ReadOnlyMemory<float>.Empty, 10), CancellationToken.None);

    private static string ProjectIndexDirectory(DocumentApi api) =>
        Path.Combine(TestServices.DataDirectory("api"), "indexes", api.Actor.CompanyId.ToString(), api.ProjectId.ToString());

    private static async Task<List<object>> EventsAsync(DocumentApi api, Guid documentId)
    {
        await using var session = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession(api.Actor.CompanyId.ToString());
        return (await session.Events.FetchStreamAsync(documentId)).Select(e => e.Data).ToList();
    }

    /// <summary>The start-up check runs in the background; it is done when its hosted service's task is.</summary>
    private static async Task RestoreFinishedAsync()
    {
        var restore = ApiHost.Factory.Services.GetServices<IHostedService>().OfType<SearchIndexRestoreService>().Single();
        await Eventually.IsTrueAsync(() => Task.FromResult(restore.ExecuteTask is not null), TimeSpan.FromSeconds(10), "the restore started");
        await restore.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The same caller, through a client of the restarted host (the old host's clients are disposed with it).</summary>
    private static DocumentApi OnRestartedHost(DocumentApi api)
    {
        var client = ApiHost.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = api.Actor.Client.DefaultRequestHeaders.Authorization;
        return api with { Actor = api.Actor with { Client = client } };
    }

    [Test]
    public async Task Documents_of_indexes_deleted_while_the_API_was_stopped_are_indexed_again_at_start_up_from_their_stored_files()
    {
        // Two companies, so the restore crosses tenants.
        var holidays = await DocumentApi.NewProjectAsync();
        var parking = await DocumentApi.NewProjectAsync();
        var holidaysDocument = await holidays.UploadOneAsync("holidays.txt", DocumentApi.Text("Employees receive 25 vacation days per year."));
        var parkingDocument = await parking.UploadOneAsync("parking.txt", DocumentApi.Text("Visitors park on level minus two of the garage."));
        foreach (var api in new[] { holidays, parking })
        {
            await api.SyncAsync();
            (await api.WaitUntilSettledAsync()).Single().GetProperty("status").GetString().Should().Be("indexed");
        }
        (await SearchAsync(holidays, "vacation days")).Should().NotBeEmpty();

        await ApiHost.RestartAsync(whileStopped: () =>
        {
            Directory.Delete(ProjectIndexDirectory(holidays), recursive: true);
            Directory.Delete(ProjectIndexDirectory(parking), recursive: true);
            return Task.CompletedTask;
        });
        await RestoreFinishedAsync();

        foreach (var (before, question, documentId) in new[] { (holidays, "vacation days", holidaysDocument), (parking, "visitors garage level", parkingDocument) })
        {
            var api = OnRestartedHost(before);
            var hits = await Eventually.GetAsync(async () => await SearchAsync(api, question) is { Count: > 0 } found ? found : null,
                TimeSpan.FromSeconds(90), $"{question} found again");
            hits.Should().OnlyContain(h => h.Chunk.DocumentId == documentId && h.Chunk.DocumentVersion == 1);
            var document = (await api.WaitUntilSettledAsync()).Single();
            document.GetProperty("status").GetString().Should().Be("indexed");
            document.GetProperty("version").GetInt32().Should().Be(1, "nothing was uploaded again");
            var events = await EventsAsync(api, documentId);
            events.OfType<DocumentIndexLost>().Should().ContainSingle("the audit log says why the document was indexed again");
            events.OfType<DocumentIndexed>().Should().HaveCount(2).And.OnlyContain(e => !e.Reused);
        }
    }

    [Test]
    public async Task An_intact_index_is_left_alone_at_start_up()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("returns.txt", DocumentApi.Text("Returns are accepted within 30 days."));
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();

        await ApiHost.RestartAsync();
        await RestoreFinishedAsync();

        (await EventsAsync(api, documentId)).OfType<DocumentIndexLost>().Should().BeEmpty();
        (await SearchAsync(api, "returns accepted")).Should().NotBeEmpty();
    }
}
