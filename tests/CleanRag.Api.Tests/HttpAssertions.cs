using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanRag.Api.Tests;

public static class HttpAssertions
{
    /// <summary>Asserts the API's error shape and returns the parsed body for further checks.</summary>
    public static async Task<JsonElement> ShouldBeErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(status, body.ToString());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        body.GetProperty("code").GetString().Should().Be(code);
        body.GetProperty("status").GetInt32().Should().Be((int)status);
        body.GetProperty("error").GetString().Should().NotBeNullOrWhiteSpace();
        return body;
    }

    /// <summary>An error body without its trace id, which every request has its own of: for comparing two answers.</summary>
    public static string WithoutTraceId(this JsonElement error)
    {
        var body = JsonNode.Parse(error.GetRawText())!.AsObject();
        body.Remove("traceId").Should().BeTrue("every error names its trace id");
        return body.ToJsonString();
    }
}
