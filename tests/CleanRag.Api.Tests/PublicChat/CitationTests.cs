using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>Where an answer's sources link: a document's own sourceUrl when it was uploaded with one.</summary>
public class CitationTests
{
    private const string PublishedAt = "https://help.example.com/benefits?lang=en";

    [Test]
    public async Task A_source_uploaded_with_a_source_url_is_cited_by_that_url_in_the_stream_the_json_api_and_the_record()
    {
        var project = await LiveProjectWithSourceUrlAsync(PublishedAt);

        var events = await ServerSentEvents.ReadAllAsync(await project.WidgetAsync(
            new { project_id = project.ProjectId, message = "How much of my glasses is covered?" }));
        var keyed = await project.AnswerAsync(new { question = "How much of my glasses is covered?" });

        var sources = JsonDocument.Parse(events.Single(e => e.Name == "sources").Data).RootElement;
        sources.EnumerateArray().Select(s => s.GetString()).Should().NotBeEmpty().And.OnlyContain(url => url == PublishedAt);
        JsonDocument.Parse(events.Single(e => e.Name == "citations").Data).RootElement[0].GetProperty("url").GetString().Should().Be(PublishedAt);
        keyed.GetProperty("sources")[0].GetProperty("url").GetString().Should().Be(PublishedAt);
        var history = await project.EventsAsync(keyed.GetProperty("conversationId").GetGuid());
        history.GetProperty("events")[2].GetProperty("data").GetProperty("sources")[0].GetProperty("sourceUrl").GetString()
            .Should().Be(PublishedAt, "the stored answer keeps where it linked");
        (await project.Documents.ListAsync()).Single().GetProperty("sourceUrl").GetString().Should().Be(PublishedAt);
    }

    [Test]
    public async Task Presigned_bulk_and_replace_uploads_record_a_source_url_and_replace_keeps_it_unless_given()
    {
        var api = await DocumentApi.NewProjectAsync();

        var single = await (await api.Actor.Client.PostAsJsonAsync(api.Route("/upload-url"),
            new { filename = "a.txt", contentType = "text/plain", sourceUrl = "https://docs.example.com/a" })).Content.ReadFromJsonAsync<JsonElement>();
        var bulk = await (await api.Actor.Client.PostAsJsonAsync(api.Route("/bulk-upload-url"),
            new { files = new object[] { new { filename = "b.txt", sourceUrl = "http://docs.example.com/b" }, new { filename = "c.txt" } } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var a = single.GetProperty("documentId").GetGuid();
        var b = bulk[0].GetProperty("documentId").GetGuid();
        var c = bulk[1].GetProperty("documentId").GetGuid();

        (await api.GetAsync(a)).GetProperty("sourceUrl").GetString().Should().Be("https://docs.example.com/a");
        (await api.GetAsync(b)).GetProperty("sourceUrl").GetString().Should().Be("http://docs.example.com/b");
        (await api.GetAsync(c)).TryGetProperty("sourceUrl", out _).Should().BeFalse("none was given");

        var published = (await (await UploadAsync(api, ("d.md", "https://docs.example.com/d"))).Content.ReadFromJsonAsync<JsonElement>())[0]
            .GetProperty("id").GetGuid();
        var unpublished = await api.UploadOneAsync("e.txt", DocumentApi.Text("Version one."));
        (await api.GetAsync(published)).GetProperty("sourceUrl").GetString().Should().Be("https://docs.example.com/d");
        await ReplaceAsync(api, published, new { });
        await ReplaceAsync(api, unpublished, new { sourceUrl = "https://docs.example.com/e" });
        (await api.GetAsync(published)).GetProperty("sourceUrl").GetString().Should().Be("https://docs.example.com/d", "a replace without one keeps it");
        (await api.GetAsync(unpublished)).GetProperty("sourceUrl").GetString().Should().Be("https://docs.example.com/e");
    }

    [Test]
    public async Task A_source_url_that_is_not_an_absolute_http_url_of_at_most_2000_characters_is_refused()
    {
        var api = await DocumentApi.NewProjectAsync();
        string[] bad = ["help/benefits", "javascript:alert(1)", "ftp://files.example.com/a.txt", " https://example.com", "", "https://example.com/" + new string('a', 2000)];

        foreach (var sourceUrl in bad)
        {
            await (await api.Actor.Client.PostAsJsonAsync(api.Route("/upload-url"), new { filename = "a.txt", sourceUrl }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await api.Actor.Client.PostAsJsonAsync(api.Route("/bulk-upload-url"), new { files = new[] { new { filename = "a.txt", sourceUrl } } }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await UploadAsync(api, ("a.txt", sourceUrl))).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        var uploaded = await api.UploadOneAsync("d.txt", DocumentApi.Text("Version one."));
        await (await api.Actor.Client.PostAsJsonAsync(api.Route($"/{uploaded}/replace-url"), new { sourceUrl = "mailto:team@example.com" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await UploadAsync(api, ("a.txt", "https://example.com/a"), ("b.txt", null))).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await api.ListAsync()).Should().ContainSingle("nothing refused was recorded");
    }

    [Test]
    public async Task A_page_url_or_context_out_of_bounds_is_refused()
    {
        var project = await LiveProject.CreateAsync();

        foreach (var body in new object[]
                 {
                     new { project_id = project.ProjectId, message = "Hello?", page_url = "/help/plans" },
                     new { project_id = project.ProjectId, message = "Hello?", page_url = "javascript:alert(1)" },
                     new { project_id = project.ProjectId, message = "Hello?", page_url = "https://shop.example.com/" + new string('a', 2000) },
                     new { project_id = project.ProjectId, message = "Hello?", context = new string('a', 2001) },
                 })
        {
            await (await project.WidgetAsync(body)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        (await project.WidgetAsync(new { project_id = project.ProjectId, message = "Hello?", page_url = "https://shop.example.com/plans",
            context = new string('a', 2000) })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A live project whose knowledge was uploaded with <paramref name="sourceUrl"/>.</summary>
    private static async Task<LiveProject> LiveProjectWithSourceUrlAsync(string sourceUrl)
    {
        var owner = await TestActors.NewOwnerAsync();
        var created = await (await owner.Client.PostAsJsonAsync("/v1/projects",
            new { name = "Published", allowedOrigins = new[] { LiveProject.SiteOrigin }, widgetEnabled = true })).Content.ReadFromJsonAsync<JsonElement>();
        var documents = new DocumentApi(owner, created.GetProperty("id").GetGuid());
        var form = Form(("benefits.md", sourceUrl));
        var uploaded = await owner.Client.PostAsync(documents.Route(), form);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var deployed = await LiveProject.DeployAsync(owner, documents.ProjectId);
        var project = new LiveProject(documents, deployed.GetProperty("key").GetProperty("key").GetString()!, ApiHost.Factory);
        await project.WaitUntilLiveAsync();
        return project;
    }

    private static Task<HttpResponseMessage> UploadAsync(DocumentApi api, params (string FileName, string? SourceUrl)[] files) =>
        api.Actor.Client.PostAsync(api.Route(), Form(files));

    /// <summary>A multipart upload of the test knowledge under each name, with a 'sourceUrl' field per file that has one.</summary>
    private static MultipartFormDataContent Form(params (string FileName, string? SourceUrl)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, sourceUrl) in files)
        {
            var part = new ByteArrayContent(DocumentApi.Text(LiveProject.Knowledge));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(part, "files", fileName);
            if (sourceUrl is not null)
                form.Add(new StringContent(sourceUrl), "sourceUrl");
        }
        return form;
    }

    private static async Task ReplaceAsync(DocumentApi api, Guid documentId, object body)
    {
        var replace = await api.Actor.Client.PostAsJsonAsync(api.Route($"/{documentId}/replace-url"), body);
        replace.StatusCode.Should().Be(HttpStatusCode.OK, await replace.Content.ReadAsStringAsync());
    }
}
