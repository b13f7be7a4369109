using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace CleanRag.Api.Tests.Widget;

public class WidgetScriptTests
{
    private static readonly byte[] FileOnDisk = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Widget", "widget.js"));

    private static async Task<HttpResponseMessage> GetScriptAsync(string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        using var client = TestActors.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    [Test]
    public async Task The_script_is_served_as_javascript_with_the_files_bytes_and_caching_headers()
    {
        var response = await GetScriptAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/javascript; charset=utf-8");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(FileOnDisk);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        response.Headers.CacheControl!.ToString().Should().Be("public, max-age=86400");
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Test]
    public async Task The_etag_is_strong_and_derived_from_the_content()
    {
        var response = await GetScriptAsync();

        var etag = response.Headers.ETag!;
        etag.IsWeak.Should().BeFalse();
        etag.Tag.Should().Be($"\"{Convert.ToHexStringLower(SHA256.HashData(FileOnDisk))[..32]}\"");
    }

    [Test]
    public async Task A_matching_if_none_match_answers_304_without_a_body()
    {
        var etag = (await GetScriptAsync()).Headers.ETag!.Tag;

        var response = await GetScriptAsync(ifNoneMatch: etag);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.ETag!.Tag.Should().Be(etag);
        response.Headers.CacheControl!.ToString().Should().Be("public, max-age=86400");
    }

    [Test]
    public async Task A_stale_if_none_match_gets_the_whole_script()
    {
        var response = await GetScriptAsync(ifNoneMatch: "\"an-older-bundle\"");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(FileOnDisk);
    }

    [Test]
    public async Task A_client_accepting_gzip_gets_the_gzipped_script_with_its_own_etag()
    {
        var plainEtag = (await GetScriptAsync()).Headers.ETag!.Tag;

        var response = await GetScriptAsync(acceptEncoding: "br;q=1.0, gzip;q=0.8");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        response.Content.Headers.ContentType!.ToString().Should().Be("text/javascript; charset=utf-8");
        response.Headers.ETag!.Tag.Should().NotBe(plainEtag);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var unzipped = new MemoryStream();
        await gzip.CopyToAsync(unzipped);
        unzipped.ToArray().Should().Equal(FileOnDisk);

        var revalidated = await GetScriptAsync(acceptEncoding: "gzip", ifNoneMatch: response.Headers.ETag.Tag);
        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Test]
    public async Task Gzip_refused_with_quality_zero_gets_the_plain_script()
    {
        var response = await GetScriptAsync(acceptEncoding: "gzip;q=0, identity");

        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(FileOnDisk);
    }
}
