using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Application.Search;
using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Documents;

public class DocumentUploadTests
{
    [Test]
    public async Task Uploaded_files_are_ingested_asynchronously_into_citable_chunks()
    {
        var api = await DocumentApi.NewProjectAsync();
        var upload = await api.UploadAsync(
            ("refunds.md", DocumentApi.Text("# Refunds\n\nRefunds are paid within 14 days of the return.\n\n## Exceptions\n\nGift cards are not refundable.")),
            ("hours.txt", DocumentApi.Text("The support desk is open from 9 to 17 on weekdays.")),
            ("faq.html", DocumentApi.Text("<html><body><nav>Home | About</nav><main><h1>FAQ</h1><p>Shipping to Norway takes five days.</p></main><footer>(c) Shop</footer></body></html>")),
            ("prices.csv", DocumentApi.Text("product,price\nkettle,30\ntoaster,45\n")),
            ("plans.json", DocumentApi.Text("{\"plans\": [{\"name\": \"basic\", \"seats\": 3}]}")));

        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var created = (await upload.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        created.Should().HaveCount(5).And.OnlyContain(d => d.GetProperty("status").GetString() == "uploaded");

        var sync = await api.SyncAsync();
        sync.GetProperty("documentCount").GetInt32().Should().Be(5);
        sync.GetProperty("statuses").EnumerateArray().Select(e => e.GetString()).Should().Equal("queued");
        sync.GetProperty("statusCounts").GetProperty("queued").GetInt32().Should().Be(5);
        sync.GetProperty("companyId").GetGuid().Should().Be(api.Actor.CompanyId);
        sync.GetProperty("projectId").GetGuid().Should().Be(api.ProjectId);
        sync.GetProperty("message").GetString().Should().NotBeNullOrEmpty();

        var settled = await api.WaitUntilSettledAsync();
        settled.Should().OnlyContain(d => d.GetProperty("status").GetString() == "indexed",
            string.Join("\n", settled.Select(d => d.ToString())));
        settled.Should().OnlyContain(d => d.GetProperty("chunkCount").GetInt32() > 0);

        var index = ApiHost.Factory.Services.GetRequiredService<ISearchIndex>();
        var hits = await index.SearchAsync(new HybridQuery(new ProjectScope(api.Actor.CompanyId, api.ProjectId), "gift cards refundable",
            ReadOnlyMemory<float>.Empty, 3), CancellationToken.None);
        hits.Should().NotBeEmpty();
        hits[0].Chunk.DocumentTitle.Should().Be("refunds.md");
        hits[0].Chunk.Text.Should().Contain("Gift cards are not refundable.");
        hits[0].Chunk.HeadingPath.Should().StartWith("Refunds");
        var boilerplate = await index.SearchAsync(new HybridQuery(new ProjectScope(api.Actor.CompanyId, api.ProjectId), "About Home",
            ReadOnlyMemory<float>.Empty, 3), CancellationToken.None);
        boilerplate.Should().NotContain(h => h.Chunk.DocumentTitle == "faq.html", "navigation boilerplate is stripped");
    }

    [Test]
    public async Task A_sync_with_nothing_to_ingest_is_a_bad_request_that_says_why()
    {
        var api = await DocumentApi.NewProjectAsync();
        (await (await api.Actor.Client.PostAsync(api.Route("/sync"), null)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "nothing_to_sync"))
            .GetProperty("error").GetString().Should().Contain("upload");
        var uploaded = await api.UploadOneAsync("a.txt", DocumentApi.Text("Alpha document text."));
        var abandoned = await api.Actor.Client.PostAsJsonAsync(api.Route("/upload-url"), new { filename = "never-sent.txt" });
        abandoned.StatusCode.Should().Be(HttpStatusCode.OK);

        var first = await api.SyncAsync();
        await Eventually.IsTrueAsync(async () => (await api.GetAsync(uploaded)).GetProperty("status").GetString() == "indexed",
            TimeSpan.FromSeconds(90), "a.txt is indexed");
        var again = await api.Actor.Client.PostAsync(api.Route("/sync"), null);

        first.GetProperty("documentCount").GetInt32().Should().Be(1, "an upload link whose bytes never came is not a document yet");
        first.GetProperty("queuedCount").GetInt32().Should().Be(1);
        (await again.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "nothing_to_sync")).GetProperty("error").GetString().Should().Contain("1 indexed");
    }

    [TestCase("virus.exe", "MZ binary", "unsupported file type")]
    [TestCase("empty.txt", "", "the file is empty")]
    [TestCase("../../etc/passwd.txt", "root", "plain file name")]
    [TestCase("dir\\evil.txt", "x", "plain file name")]
    public async Task Bad_files_are_rejected_with_a_clear_message(string fileName, string content, string message)
    {
        var api = await DocumentApi.NewProjectAsync();

        var response = await api.UploadAsync((fileName, DocumentApi.Text(content)));

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("error").GetString().Should().Contain(message);
        (await api.ListAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task A_file_over_the_size_limit_is_a_413()
    {
        await using var factory = CleanRagApiFactory.HttpOnly(b => b.UseSetting("Documents:MaxFileBytes", "1024"));
        var owner = await TestActors.NewOwnerAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = owner.Client.DefaultRequestHeaders.Authorization;
        var api = await DocumentApi.NewProjectAsync(owner with { Client = client });

        var response = await api.UploadAsync(("big.txt", new byte[4096]));

        await response.ShouldBeErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Test]
    public async Task Unreadable_files_fail_with_their_reason_and_leave_the_others_indexed()
    {
        var api = await DocumentApi.NewProjectAsync();
        var corrupt = await api.UploadOneAsync("broken.pdf", DocumentApi.Text("%PDF-1.7 this is not really a pdf"));
        var truncatedDocx = await api.UploadOneAsync("broken.docx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]);
        var good = await api.UploadOneAsync("good.md", DocumentApi.Text("# Returns\n\nReturns are free within 30 days."));

        await api.SyncAsync();
        var settled = await api.WaitUntilSettledAsync();

        var byId = settled.ToDictionary(d => d.GetProperty("id").GetGuid());
        byId[good].GetProperty("status").GetString().Should().Be("indexed");
        foreach (var failed in new[] { corrupt, truncatedDocx })
        {
            byId[failed].GetProperty("status").GetString().Should().Be("failed");
            byId[failed].GetProperty("error").GetProperty("code").GetString().Should().Be("corrupt_file");
            byId[failed].GetProperty("error").GetProperty("reason").GetString().Should().NotBeNullOrWhiteSpace();
        }
    }

    [Test]
    public async Task Every_mixed_format_sample_file_is_ingested()
    {
        var datasets = TestServices.DatasetsDirectory();
        if (datasets is null)
            Assert.Ignore("../shared/datasets is absent: the mixed-formats ingestion test needs it.");
        var files = Directory.GetFiles(Path.Combine(datasets, "mixed-formats"))
            .Where(f => Path.GetExtension(f) is ".pdf" or ".docx" or ".pptx" or ".xlsx" or ".txt")
            .ToList();
        var api = await DocumentApi.NewProjectAsync();

        foreach (var file in files)
            await api.UploadOneAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file));
        await api.SyncAsync();
        var settled = await api.WaitUntilSettledAsync(TimeSpan.FromMinutes(4));

        settled.Should().HaveCount(files.Count);
        settled.Should().OnlyContain(d => d.GetProperty("status").GetString() == "indexed" && d.GetProperty("chunkCount").GetInt32() > 0,
            string.Join("\n", settled.Where(d => d.GetProperty("status").GetString() != "indexed").Select(d => d.ToString())));
        settled.Where(d => d.GetProperty("fileName").GetString()!.EndsWith(".pdf", StringComparison.Ordinal))
            .Should().OnlyContain(d => d.GetProperty("pageCount").GetInt32() > 0);
    }

    [Test]
    public async Task Document_routes_of_another_company_answer_404()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("a.txt", DocumentApi.Text("Private text."));
        var stranger = await TestActors.NewOwnerAsync("Other Co");
        var intruder = api with { Actor = stranger };

        await (await intruder.UploadAsync(("x.txt", DocumentApi.Text("x")))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.GetAsync(intruder.Route())).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.PostAsync(intruder.Route("/sync"), null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.DeleteAsync(intruder.Route($"/{documentId}"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await stranger.Client.GetAsync(intruder.Route($"/{documentId}/preview-url"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await stranger.Client.GetAsync(intruder.Route($"/{documentId}/versions"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "document_not_found");
    }
}
