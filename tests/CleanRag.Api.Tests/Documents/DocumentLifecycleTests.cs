using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Application.Search;
using CleanRag.Domain.Documents;
using CleanRag.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Documents;

public class DocumentLifecycleTests
{
    private static Task<IReadOnlyList<SearchHit>> SearchAsync(DocumentApi api, string text) =>
        ApiHost.Factory.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            new HybridQuery(new ProjectScope(api.Actor.CompanyId, api.ProjectId), text, ReadOnlyMemory<float>.Empty, 10), CancellationToken.None);

    private static async Task<JsonElement> UploadUrlAsync(DocumentApi api, string fileName)
    {
        var response = await api.Actor.Client.PostAsJsonAsync(api.Route("/upload-url"), new { filename = fileName, contentType = "text/plain" });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task A_presigned_upload_is_put_then_confirmed()
    {
        var api = await DocumentApi.NewProjectAsync();
        var link = await UploadUrlAsync(api, "policy.txt");
        var documentId = link.GetProperty("documentId").GetGuid();
        var uploadUrl = new Uri(link.GetProperty("uploadUrl").GetString()!);
        link.GetProperty("expiresAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        link.GetProperty("expiresInSeconds").GetInt32().Should().Be(900);
        link.GetProperty("instructions").GetString().Should().Contain("uploadUrl").And.Contain("confirm").And.Contain("sync");

        await (await api.Actor.Client.PostAsync(api.Route($"/{documentId}/confirm"), null))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "upload_missing");
        var anonymous = TestActors.Anonymous();
        (await anonymous.PutAsync(uploadUrl.PathAndQuery, new ByteArrayContent(DocumentApi.Text("Holidays: 25 days a year."))))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await (await anonymous.PutAsync(uploadUrl.PathAndQuery, new ByteArrayContent(DocumentApi.Text("again"))))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "upload_already_received");
        var confirmed = await api.Actor.Client.PostAsync(api.Route($"/{documentId}/confirm"), null);

        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("uploaded");
        await api.SyncAsync();
        (await api.WaitUntilSettledAsync()).Single().GetProperty("status").GetString().Should().Be("indexed");
    }

    [Test]
    public async Task A_tampered_or_foreign_upload_link_is_refused()
    {
        var api = await DocumentApi.NewProjectAsync();
        var url = (await UploadUrlAsync(api, "a.txt")).GetProperty("uploadUrl").GetString()!;
        var tampered = url[..^3] + (url.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");

        var response = await TestActors.Anonymous().PutAsync(new Uri(tampered).PathAndQuery, new ByteArrayContent(DocumentApi.Text("x")));

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "invalid_upload_url");
    }

    [Test]
    public async Task Bulk_upload_urls_are_issued_per_file()
    {
        var api = await DocumentApi.NewProjectAsync();

        var response = await api.Actor.Client.PostAsJsonAsync(api.Route("/bulk-upload-url"),
            new { files = new[] { new { filename = "a.md" }, new { filename = "b.pdf" } } });

        var links = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        links.Should().HaveCount(2);
        links.Select(l => l.GetProperty("uploadUrl").GetString()).Should().OnlyHaveUniqueItems();
        (await api.ListAsync()).Should().HaveCount(2).And.OnlyContain(d => d.GetProperty("status").GetString() == "pending_upload");
    }

    [Test]
    public async Task A_new_version_replaces_the_old_chunks_once_indexed()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("plan.txt", DocumentApi.Text("The basic plan includes glasses coverage."));
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();
        (await SearchAsync(api, "glasses")).Should().NotBeEmpty();

        var replace = await (await api.Actor.Client.PostAsJsonAsync(api.Route($"/{documentId}/replace-url"), new { }))
            .Content.ReadFromJsonAsync<JsonElement>();
        replace.GetProperty("version").GetInt32().Should().Be(2);
        (await TestActors.Anonymous().PutAsync(new Uri(replace.GetProperty("uploadUrl").GetString()!).PathAndQuery,
            new ByteArrayContent(DocumentApi.Text("The basic plan includes dental coverage.")))).EnsureSuccessStatusCode();
        (await api.Actor.Client.PostAsync(api.Route($"/{documentId}/confirm"), null)).EnsureSuccessStatusCode();
        await api.SyncAsync();
        var settled = (await api.WaitUntilSettledAsync()).Single();

        settled.GetProperty("version").GetInt32().Should().Be(2);
        (await SearchAsync(api, "glasses")).Should().BeEmpty();
        (await SearchAsync(api, "dental")).Should().ContainSingle().Which.Chunk.DocumentVersion.Should().Be(2);
        var versions = await api.Actor.Client.GetFromJsonAsync<JsonElement>(api.Route($"/{documentId}/versions"));
        versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Should().Equal(2, 1);
    }

    [Test]
    public async Task An_unchanged_version_is_not_extracted_or_embedded_again()
    {
        var api = await DocumentApi.NewProjectAsync();
        var content = DocumentApi.Text("Same bytes every time.");
        var documentId = await api.UploadOneAsync("same.txt", content);
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();
        var replace = await (await api.Actor.Client.PostAsJsonAsync(api.Route($"/{documentId}/replace-url"), new { }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await TestActors.Anonymous().PutAsync(new Uri(replace.GetProperty("uploadUrl").GetString()!).PathAndQuery,
            new ByteArrayContent(content))).EnsureSuccessStatusCode();
        (await api.Actor.Client.PostAsync(api.Route($"/{documentId}/confirm"), null)).EnsureSuccessStatusCode();

        await api.SyncAsync();
        await api.WaitUntilSettledAsync();

        var store = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(api.Actor.CompanyId.ToString());
        var indexed = (await session.Events.FetchStreamAsync(documentId)).Select(e => e.Data).OfType<DocumentIndexed>().ToList();
        indexed.Should().HaveCount(2);
        indexed[1].Reused.Should().BeTrue();
        indexed[1].Version.Should().Be(2);
    }

    [Test]
    public async Task A_preview_url_serves_the_file_for_a_few_minutes()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("notes.txt", DocumentApi.Text("Preview me."));

        var preview = await api.Actor.Client.GetFromJsonAsync<JsonElement>(api.Route($"/{documentId}/preview-url"));
        var url = new Uri(preview.GetProperty("url").GetString()!);
        var file = await TestActors.Anonymous().GetAsync(url.PathAndQuery);
        var forged = await TestActors.Anonymous().GetAsync(url.PathAndQuery[..^2] + "xx");

        preview.GetProperty("expiresAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(5), TimeSpan.FromMinutes(1));
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        (await file.Content.ReadAsStringAsync()).Should().Be("Preview me.");
        await forged.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "invalid_preview_url");
    }

    [Test]
    public async Task Deleting_a_document_removes_its_chunks_and_blob_but_keeps_its_history()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("gone.txt", DocumentApi.Text("Ephemeral walrus facts."));
        await api.SyncAsync();
        await api.WaitUntilSettledAsync();
        var preview = new Uri((await api.Actor.Client.GetFromJsonAsync<JsonElement>(api.Route($"/{documentId}/preview-url"))).GetProperty("url").GetString()!);

        (await api.Actor.Client.DeleteAsync(api.Route($"/{documentId}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await api.ListAsync()).Should().BeEmpty();
        await Eventually.IsTrueAsync(async () => (await SearchAsync(api, "walrus")).Count == 0, what: "chunks removed");
        await Eventually.IsTrueAsync(async () => (await TestActors.Anonymous().GetAsync(preview.PathAndQuery)).StatusCode == HttpStatusCode.NotFound,
            what: "file no longer served");
        var store = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(api.Actor.CompanyId.ToString());
        (await session.Events.FetchStreamAsync(documentId)).Select(e => e.Data).OfType<DocumentDeleted>().Should().ContainSingle();
    }

    [Test]
    public async Task Deleting_a_document_during_its_ingestion_leaves_no_orphan_chunks()
    {
        var api = await DocumentApi.NewProjectAsync();
        var text = string.Join("\n\n", Enumerable.Range(0, 2000).Select(i => $"Paragraph {i} about the orphanage of quokkas and their habits."));
        var documentId = await api.UploadOneAsync("long.txt", DocumentApi.Text(text));

        await api.SyncAsync();
        (await api.Actor.Client.DeleteAsync(api.Route($"/{documentId}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // Give the ingestion that may be running the time to finish, then nothing of the document may remain.
        await Task.Delay(TimeSpan.FromSeconds(8));
        await Eventually.IsTrueAsync(async () => (await SearchAsync(api, "quokkas")).Count == 0, TimeSpan.FromSeconds(30), "no orphan chunks");
    }
}
