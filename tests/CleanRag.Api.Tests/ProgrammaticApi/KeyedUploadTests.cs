using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.ProgrammaticApi;

/// <summary>A server keeps its project's documents current with the key alone: upload (signed URL or multipart), confirm, sync.</summary>
public class KeyedUploadTests
{
    private KeyedProjects _keyed = null!;

    [OneTimeSetUp]
    public async Task CreateProjectsAsync() => _keyed = await KeyedProjects.CreateAsync();

    private string Documents(string path = "") => $"/v1/projects/{_keyed.ProjectId}/documents{path}";

    [Test]
    public async Task A_key_uploads_through_a_signed_url_confirms_and_syncs()
    {
        var client = _keyed.KeyClient();

        var linkResponse = await client.PostAsJsonAsync(Documents("/upload-url"), new { filename = "returns.md" });
        linkResponse.StatusCode.Should().Be(HttpStatusCode.OK, await linkResponse.Content.ReadAsStringAsync());
        var link = await linkResponse.Content.ReadFromJsonAsync<JsonElement>();
        var put = await TestActors.Anonymous().PutAsync(link.GetProperty("uploadUrl").GetString(),
            new ByteArrayContent(DocumentApi.Text("# Returns\n\nReturns are accepted within 30 days.")));
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var documentId = link.GetProperty("documentId").GetGuid();
        var confirm = await client.PostAsync(Documents($"/{documentId}/confirm"), null);
        var sync = await client.PostAsync(Documents("/sync"), null);

        confirm.StatusCode.Should().Be(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        sync.StatusCode.Should().Be(HttpStatusCode.Accepted, await sync.Content.ReadAsStringAsync());
        await Eventually.IsTrueAsync(async () => (await _keyed.Project.Documents.GetAsync(documentId)).GetProperty("status").GetString() == "indexed",
            TimeSpan.FromSeconds(90), "the uploaded document is indexed");
    }

    [Test]
    public async Task A_key_uploads_files_directly()
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(DocumentApi.Text("# Shipping\n\nOrders ship within two days."));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "files", "shipping.md");

        var response = await _keyed.KeyClient().PostAsync(Documents(), form);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        (await _keyed.Project.Documents.ListAsync()).Should().Contain(d => d.GetProperty("id").GetGuid() == id);
    }

    [Test]
    public async Task A_key_asks_for_bulk_and_replacement_upload_urls()
    {
        var bulk = await _keyed.KeyClient().PostAsJsonAsync(Documents("/bulk-upload-url"), new { files = new[] { new { filename = "a.md" }, new { filename = "b.md" } } });
        var replace = await _keyed.KeyClient().PostAsJsonAsync(Documents($"/{_keyed.DocumentId}/replace-url"), new { filename = "benefits.md" });

        bulk.StatusCode.Should().Be(HttpStatusCode.OK, await bulk.Content.ReadAsStringAsync());
        (await bulk.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().Should().Be(2);
        replace.StatusCode.Should().Be(HttpStatusCode.OK, await replace.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Uploads_into_the_project_need_its_own_key()
    {
        var upload = new { filename = "faq.md" };

        await (await _keyed.KeyClient(_keyed.SiblingKey).PostAsJsonAsync(Documents("/upload-url"), upload))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await _keyed.KeyClient(_keyed.OtherCompanyKey).PostAsync(Documents("/sync"), null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await _keyed.KeyClient(_keyed.RevokedKey).PostAsJsonAsync(Documents("/upload-url"), upload))
            .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
        await (await _keyed.KeyClient().PostAsync(Documents($"/{Guid.NewGuid()}/confirm"), null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await _keyed.KeyClient().PostAsJsonAsync(Documents("/upload-url"), new { filename = "" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
