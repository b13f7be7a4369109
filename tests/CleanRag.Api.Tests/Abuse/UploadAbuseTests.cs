using System.Net;
using System.Net.Http.Headers;
using CleanRag.Api.Tests.Documents;

namespace CleanRag.Api.Tests.Abuse;

public class UploadAbuseTests
{
    [TestCase(101, "too_many_files", TestName = "An upload of more files than the limit is refused whole with a 413")]
    [TestCase(2000, "payload_too_large", TestName = "An upload of more parts than a form may hold is refused whole with a 413")]
    public async Task Many_file_uploads(int files, string code)
    {
        var documents = await DocumentApi.NewProjectAsync();
        var form = new MultipartFormDataContent();
        for (var i = 0; i < files; i++)
        {
            var part = new ByteArrayContent("hi"u8.ToArray());
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "files", $"f{i}.txt");
        }

        var response = await documents.Actor.Client.PostAsync(documents.Route(), form);

        await response.ShouldBeErrorAsync(HttpStatusCode.RequestEntityTooLarge, code);
        (await documents.ListAsync()).Should().BeEmpty("nothing of a refused upload is kept");
    }
}
