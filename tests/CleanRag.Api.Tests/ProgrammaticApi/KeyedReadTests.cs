using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.ProgrammaticApi;

/// <summary>The dashboard's reads with a project's API key: its own project only, the key's rate limit, never a JWT-only route.</summary>
public class KeyedReadTests
{
    private static readonly string[] ProjectReads =
    [
        "/v1/projects/{project}",
        "/v1/projects/{project}/overview",
        "/v1/projects/{project}/documents",
        "/v1/projects/{project}/documents/{document}/versions",
        "/v1/projects/{project}/documents/{document}/preview-url",
        "/v1/projects/{project}/conversations",
        "/v1/projects/{project}/conversations/{conversation}",
        "/v1/projects/{project}/conversations/{conversation}/events",
        "/v1/projects/{project}/knowledge-gaps",
        "/v1/analytics/summary?projectId={project}",
        "/v1/conversations?projectId={project}",
        "/v1/leads?projectId={project}",
    ];

    private KeyedProjects _keyed = null!;

    [OneTimeSetUp]
    public async Task CreateProjectsAsync() => _keyed = await KeyedProjects.CreateAsync();

    [TestCaseSource(nameof(ProjectReads))]
    public async Task A_key_reads_its_own_project(string template)
    {
        var response = await _keyed.KeyClient().GetAsync(_keyed.Route(template));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var owners = await _keyed.Project.Owner.Client.GetAsync(_keyed.Route(template));
        owners.StatusCode.Should().Be(HttpStatusCode.OK, "the signed-in owner still reads it");
    }

    [TestCaseSource(nameof(ProjectReads))]
    public async Task A_key_of_another_project_or_company_finds_nothing_and_a_missing_or_revoked_key_is_unauthorized(string template)
    {
        var route = _keyed.Route(template);

        await (await _keyed.KeyClient(_keyed.SiblingKey).GetAsync(route)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await _keyed.KeyClient(_keyed.OtherCompanyKey).GetAsync(route)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await _keyed.KeyClient(_keyed.RevokedKey).GetAsync(route)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
        await (await TestActors.Anonymous().GetAsync(route)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task The_project_list_holds_only_the_keys_project()
    {
        var keyed = await _keyed.KeyClient().GetFromJsonAsync<JsonElement>("/v1/projects");
        var signedIn = await _keyed.Project.Owner.Client.GetFromJsonAsync<JsonElement>("/v1/projects");

        keyed.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Equal(_keyed.ProjectId);
        signedIn.GetArrayLength().Should().Be(2, "the owner sees the whole workspace");
    }

    [Test]
    public async Task Another_projects_conversation_is_not_found_through_the_keys_project()
    {
        var sibling = (await _keyed.KeyClient(_keyed.SiblingKey).GetFromJsonAsync<JsonElement>("/v1/projects"))[0].GetProperty("id").GetGuid();

        var response = await _keyed.KeyClient(_keyed.SiblingKey).GetAsync($"/v1/projects/{sibling}/conversations/{_keyed.ConversationId}");

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task The_key_is_also_accepted_as_a_bearer_token()
    {
        var client = _keyed.Project.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _keyed.Project.LiveKey);

        var response = await client.GetAsync($"/v1/projects/{_keyed.ProjectId}/documents");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid().Should().Be(_keyed.DocumentId);
    }

    [Test]
    public async Task A_keyed_read_carries_the_keys_rate_limit_headers()
    {
        var client = _keyed.KeyClient();

        var first = await client.GetAsync($"/v1/projects/{_keyed.ProjectId}/conversations");
        var second = await client.GetAsync($"/v1/projects/{_keyed.ProjectId}/conversations/{_keyed.ConversationId}");
        var signedIn = await _keyed.Project.Owner.Client.GetAsync($"/v1/projects/{_keyed.ProjectId}/conversations");

        Header(first, "X-RateLimit-Limit").Should().Be(60);
        Header(second, "X-RateLimit-Remaining").Should().Be(Header(first, "X-RateLimit-Remaining") - 1, "keyed reads count against the key's limit");
        Header(first, "X-RateLimit-Reset").Should().BeInRange(
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddSeconds(61).ToUnixTimeSeconds());
        signedIn.Headers.Contains("X-RateLimit-Limit").Should().BeFalse("signed-in users are not limited per key");
    }

    [Test]
    public async Task Workspace_reads_with_a_key_hold_only_the_keys_project()
    {
        var sibling = _keyed.KeyClient(_keyed.SiblingKey);

        var inbox = await _keyed.KeyClient().GetFromJsonAsync<JsonElement>("/v1/conversations");
        var siblingInbox = await sibling.GetFromJsonAsync<JsonElement>("/v1/conversations");
        var conversation = await _keyed.KeyClient().GetAsync($"/v1/conversations/{_keyed.ConversationId}");

        inbox.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Contain(_keyed.ConversationId)
            .And.OnlyContain(id => id == _keyed.ConversationId, "the key's project has this one conversation");
        siblingInbox.GetProperty("items").GetArrayLength().Should().Be(0, "the sibling project has no conversation");
        conversation.StatusCode.Should().Be(HttpStatusCode.OK, await conversation.Content.ReadAsStringAsync());
        await (await sibling.GetAsync($"/v1/conversations/{_keyed.ConversationId}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task A_server_creates_and_reads_leads_of_its_keys_project_only()
    {
        var created = await _keyed.KeyClient().PostAsJsonAsync("/v1/leads",
            new { projectId = _keyed.ProjectId, email = "buyer@example.com", name = "Buyer", conversationId = _keyed.ConversationId });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var lead = await created.Content.ReadFromJsonAsync<JsonElement>();
        var leadId = lead.GetProperty("id").GetGuid();
        var sibling = _keyed.KeyClient(_keyed.SiblingKey);

        lead.GetProperty("source").GetString().Should().Be("api");
        (await _keyed.KeyClient().GetFromJsonAsync<JsonElement>($"/v1/leads/{leadId}")).GetProperty("email").GetString().Should().Be("buyer@example.com");
        (await _keyed.KeyClient().GetFromJsonAsync<JsonElement>("/v1/leads")).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("id").GetGuid()).Should().Contain(leadId);
        (await sibling.GetFromJsonAsync<JsonElement>("/v1/leads")).GetProperty("items").GetArrayLength().Should().Be(0);
        await (await sibling.GetAsync($"/v1/leads/{leadId}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "lead_not_found");
        await (await sibling.PostAsJsonAsync("/v1/leads", new { projectId = _keyed.ProjectId, email = "x@example.com" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
    }

    [TestCase("GET", "/v1/dashboard/summary")]
    [TestCase("GET", "/v1/leads/export")]
    [TestCase("GET", "/v1/conversations/export")]
    [TestCase("GET", "/v1/billing/summary")]
    [TestCase("GET", "/v1/keys")]
    [TestCase("GET", "/v1/projects/{project}/keys")]
    [TestCase("GET", "/v1/projects/{project}/events")]
    [TestCase("DELETE", "/v1/projects/{project}/documents/{document}")]
    [TestCase("POST", "/v1/projects/{project}/conversations/{conversation}/resolve")]
    [TestCase("GET", "/v1/auth/me")]
    public async Task A_route_for_signed_in_users_only_refuses_a_key(string method, string template)
    {
        var response = await _keyed.KeyClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), _keyed.Route(template)));

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "api_key_not_allowed");
        (await _keyed.Project.Documents.ListAsync()).Should().ContainSingle("nothing was deleted");
    }

    private static long Header(HttpResponseMessage response, string name) =>
        long.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);
}
