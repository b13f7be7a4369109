using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Abuse;

/// <summary>
/// Every route of the OpenAPI document, probed with malformed input by a signed-in owner holding a live API key: no probe
/// may answer a 5xx, and every failure must be in the error shape.
/// </summary>
public class RouteFuzzTests
{
    /// <summary>Path values no route should choke on. (An encoded NUL is refused by Kestrel before the app; the test host cannot send it.)</summary>
    private static readonly string[] PathValues =
    [
        "not-an-id", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "..%2F..%2Fetc%2Fpasswd",
        "%E2%80%AE%F0%9F%92%A3", new string('9', 4000), "-1", "1e309",
    ];

    /// <summary>Bodies of the wrong shape: broken, of the wrong type, deeply nested, with control characters.</summary>
    private static readonly (string What, string Json)[] Bodies =
    [
        ("broken JSON", "{\"name\": "),
        ("an array", "[]"),
        ("null", "null"),
        ("a string", "\"hello\""),
        ("wrong types", "{\"name\": 12, \"email\": [], \"question\": {}, \"password\": true, \"url\": 3.5, \"events\": \"all\", " +
                        "\"role\": 7, \"settings\": \"x\", \"allowedOrigins\": {}, \"refreshToken\": [1], \"rating\": \"up\", \"files\": {}}"),
        ("control characters", "{\"name\": \"\\u0000\\u0001\\u001f\", \"email\": \"\\u0000@x.io\", \"question\": \"\\u0000\", \"url\": \"\\u0007\"}"),
        ("numbers out of range", "{\"pageSize\": 1e309, \"limit\": -99999999999999999999, \"rating\": 1e400}"),
        ("deep nesting", new string('[', 5000) + new string(']', 5000)),
        ("an empty object", "{}"),
    ];

    [Test]
    public async Task Malformed_input_on_every_route_never_answers_a_5xx_and_every_failure_has_the_error_shape()
    {
        var project = await LiveProject.CreateAsync();
        var client = ApiHost.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = project.Owner.Client.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", project.LiveKey);
        client.DefaultRequestHeaders.Add("Origin", LiveProject.SiteOrigin);
        var operations = await OpenApiOperations.ListAsync(client);

        var probes = 0;
        var failures = new List<string>();
        foreach (var (method, template) in operations)
        {
            var requests = PathValues.Select(value => (Path: OpenApiOperations.Fill(template, _ => value), Body: "{}", What: $"path {Shorten(value)}"))
                .Concat(method is "POST" or "PUT" or "PATCH"
                    ? Bodies.Select(body => (Path: OpenApiOperations.Fill(template, _ => Guid.NewGuid().ToString()), Body: body.Json, body.What))
                    : []);
            foreach (var (path, body, what) in requests)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                probes++;
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{method} {template} ({what}): {(int)response.StatusCode} {Shorten(text)}");
                else if ((int)response.StatusCode >= 400 && !HasErrorShape(text))
                    failures.Add($"{method} {template} ({what}): {(int)response.StatusCode} without the error shape: {Shorten(text)}");
            }
        }

        await TestContext.Out.WriteLineAsync($"route fuzzing: {operations.Count} operations, {probes} probes, {failures.Count} failures");
        failures.Should().BeEmpty();
        probes.Should().BeGreaterThan(1000);
    }

    private static bool HasErrorShape(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out _)
                && json.RootElement.TryGetProperty("code", out _) && json.RootElement.TryGetProperty("status", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}

/// <summary>The operations of the service's OpenAPI document, as method and path template.</summary>
public static class OpenApiOperations
{
    public static async Task<IReadOnlyList<(string Method, string Template)>> ListAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return (from path in document.GetProperty("paths").EnumerateObject()
                from method in path.Value.EnumerateObject()
                where method.Name is "get" or "post" or "put" or "patch" or "delete"
                select (method.Name.ToUpperInvariant(), path.Name)).ToList();
    }

    /// <summary>The template with each {parameter} replaced by <paramref name="value"/>'s answer for its name.</summary>
    public static string Fill(string template, Func<string, string> value) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{([^}:]+)(:[^}]*)?\\}", m => value(m.Groups[1].Value));
}
