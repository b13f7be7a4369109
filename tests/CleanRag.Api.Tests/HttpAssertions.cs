using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
}
