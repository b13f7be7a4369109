using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.ProgrammaticApi;

/// <summary>A plan without <c>api_access</c> (pro): keys may still chat, but not read the workspace.</summary>
public class ApiAccessPlanTests
{
    [Test]
    public async Task A_key_reading_the_dashboard_is_refused_by_the_plan_while_chat_and_signed_in_reads_work()
    {
        var owner = await TestActors.NewOwnerAsync();
        await Plans.PlanOperator.SetAsync(owner.CompanyId, "pro");
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Support" })).Content.ReadFromJsonAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetGuid();
        var created = await owner.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name = "server", environment = "test" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var client = ApiHost.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-CleanRag-Key", key);

        var read = await client.GetAsync($"/v1/projects/{projectId}/documents");
        var chat = await client.PostAsJsonAsync("/v1/chat", new { question = "What is covered?" });
        var signedIn = await owner.Client.GetAsync($"/v1/projects/{projectId}/documents");

        await read.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "plan_forbidden");
        read.Headers.Contains("X-RateLimit-Limit").Should().BeTrue("the key was authenticated and counted");
        (await chat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should()
            .NotBe("plan_forbidden", "the chat is every plan's (this project is simply not deployed yet)");
        chat.StatusCode.Should().NotBe(HttpStatusCode.Forbidden);
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK, "the plan gates keys, not the dashboard");
    }
}
