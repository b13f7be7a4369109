using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.Evaluation;

/// <summary>The evaluation routes appear in the OpenAPI document with typed bodies (the general rules are in OpenApiDocumentTests).</summary>
public class EvaluationOpenApiTests
{
    [Test]
    public async Task The_test_prompt_and_test_run_routes_are_documented_with_their_answers()
    {
        using var client = ApiHost.Factory.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        string[] Operations(string path) => [.. paths.GetProperty(path).EnumerateObject().Select(o => o.Name)];
        Operations("/v1/projects/{projectId}/test-prompts").Should().BeEquivalentTo("get", "post");
        Operations("/v1/projects/{projectId}/test-prompts/{promptId}").Should().BeEquivalentTo("patch", "delete");
        Operations("/v1/projects/{projectId}/test-prompts/suggested").Should().BeEquivalentTo("get");
        Operations("/v1/projects/{projectId}/test-runs").Should().BeEquivalentTo("get", "post");
        Operations("/v1/projects/{projectId}/test-runs/{runId}").Should().BeEquivalentTo("get");
        paths.GetProperty("/v1/projects/{projectId}/test-runs").GetProperty("post").GetProperty("responses").TryGetProperty("202", out _)
            .Should().BeTrue("a run is queued, not finished, when the POST answers");
    }
}
