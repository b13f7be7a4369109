using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Documents;

/// <summary>Document calls as the dashboard makes them, for one project.</summary>
public sealed record DocumentApi(TestActor Actor, Guid ProjectId)
{
    public static async Task<DocumentApi> NewProjectAsync(TestActor? owner = null)
    {
        owner ??= await TestActors.NewOwnerAsync();
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Knowledge" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return new DocumentApi(owner, project.GetProperty("id").GetGuid());
    }

    public string Route(string path = "") => $"/v1/projects/{ProjectId}/documents{path}";

    public Task<HttpResponseMessage> UploadAsync(params (string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", fileName);
        }
        return Actor.Client.PostAsync(Route(), form);
    }

    public async Task<Guid> UploadOneAsync(string fileName, byte[] content)
    {
        var response = await UploadAsync((fileName, content));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> SyncAsync()
    {
        var response = await Actor.Client.PostAsync(Route("/sync"), null);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<List<JsonElement>> ListAsync() =>
        (await Actor.Client.GetFromJsonAsync<JsonElement>(Route())).EnumerateArray().ToList();

    public async Task<JsonElement> GetAsync(Guid documentId) =>
        (await ListAsync()).Single(d => d.GetProperty("id").GetGuid() == documentId);

    /// <summary>Waits until every listed document has finished ingestion (indexed or failed).</summary>
    public Task<List<JsonElement>> WaitUntilSettledAsync(TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () =>
        {
            var documents = await ListAsync();
            return documents.All(d => d.GetProperty("status").GetString() is "indexed" or "failed") ? documents : null;
        }, timeout ?? TimeSpan.FromSeconds(90), "every document indexed or failed", () => PipelineReport.DescribeAsync(ApiHost.Factory));

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
