using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Testing;
using Npgsql;

namespace CleanRag.Api.Tests.ApiKeys;

public class ApiKeyTests
{
    private static async Task<(TestActor Owner, Guid ProjectId)> ProjectAsync()
    {
        var owner = await TestActors.NewOwnerAsync();
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Keys" })).Content.ReadFromJsonAsync<JsonElement>();
        return (owner, project.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> CreateKeyAsync(TestActor admin, Guid projectId, string environment = "test", string name = "ci")
    {
        var response = await admin.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name, environment });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> AskWithAsync(string? key, string question = "What about glasses?")
    {
        var client = ApiHost.Factory.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-CleanRag-Key", key);
        return client.PostAsJsonAsync("/v1/chat", new { question });
    }

    [Test]
    public async Task A_new_key_is_shown_once_in_its_format_and_listed_only_by_prefix()
    {
        var (owner, projectId) = await ProjectAsync();

        var live = await CreateKeyAsync(owner, projectId, "live", "Production");
        var test = await CreateKeyAsync(owner, projectId, "test", "Staging");

        live.GetProperty("key").GetString().Should().MatchRegex("^sk_live_[0-9A-Za-z]{43}$");
        test.GetProperty("key").GetString().Should().MatchRegex("^sk_test_[0-9A-Za-z]{43}$");
        live.GetProperty("key").GetString().Should().NotBe(test.GetProperty("key").GetString());
        var listing = await owner.Client.GetStringAsync($"/v1/projects/{projectId}/keys");
        listing.Should().NotContain(live.GetProperty("key").GetString()).And.NotContain(test.GetProperty("key").GetString());
        var keys = JsonDocument.Parse(listing).RootElement.EnumerateArray().ToList();
        keys.Select(k => k.GetProperty("name").GetString()).Should().Equal("Staging", "Production");
        keys[1].GetProperty("prefix").GetString().Should().Be(live.GetProperty("key").GetString()![..12]);
        keys[1].GetProperty("environment").GetString().Should().Be("live");
        keys[1].GetProperty("status").GetString().Should().Be("active");
        keys[1].GetProperty("createdAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        keys[1].TryGetProperty("key", out _).Should().BeFalse();
    }

    [Test]
    public async Task Keys_are_stored_only_as_hashes_nowhere_in_the_database_in_plain_text()
    {
        var (owner, projectId) = await ProjectAsync();
        var key = (await CreateKeyAsync(owner, projectId, "live")).GetProperty("key").GetString()!;
        (await AskWithAsync(key)).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, "the key works");

        var secret = key["sk_live_".Length..];
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString("api"));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
                         "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        tables.Should().Contain(t => t.EndsWith("mt_events")).And.Contain(t => t.EndsWith("mt_doc_apikeylookup"));
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE t::text LIKE '%' || @secret || '%'", connection);
            search.Parameters.AddWithValue("secret", secret);
            ((long)(await search.ExecuteScalarAsync())!).Should().Be(0, $"{table} must not hold the key");
        }
    }

    [Test]
    public async Task A_keys_event_stream_is_not_readable_as_a_project_history()
    {
        var (owner, projectId) = await ProjectAsync();
        var key = await CreateKeyAsync(owner, projectId, "live");

        await (await owner.Client.GetAsync($"/v1/projects/{key.GetProperty("id").GetGuid()}/events"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        (await owner.Client.GetAsync($"/v1/projects/{projectId}/events")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Missing_unknown_and_revoked_keys_get_the_same_401()
    {
        var (owner, projectId) = await ProjectAsync();
        var key = await CreateKeyAsync(owner, projectId);
        (await AskWithAsync(key.GetProperty("key").GetString())).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);

        var revoke = await owner.Client.DeleteAsync($"/v1/projects/{projectId}/keys/{key.GetProperty("id").GetGuid()}");
        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("revoked");

        var bodies = new List<string>();
        foreach (var presented in new[] { key.GetProperty("key").GetString(), null, "sk_live_" + new string('a', 43), "garbage" })
        {
            var response = await AskWithAsync(presented);
            bodies.Add((await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key")).WithoutTraceId());
        }
        bodies.Distinct().Should().HaveCount(1, "the answer must not tell a revoked key from an unknown or missing one");
    }

    [Test]
    public async Task Managing_and_listing_a_projects_keys_needs_an_admin_while_members_may_list_the_workspaces_keys()
    {
        var (owner, projectId) = await ProjectAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var admin = await TestActors.JoinAsync(owner, "admin");
        var key = await CreateKeyAsync(admin, projectId);
        var keyId = key.GetProperty("id").GetGuid();

        await (await member.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name = "x", environment = "test" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.PostAsync($"/v1/projects/{projectId}/keys/rotate", null)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.DeleteAsync($"/v1/projects/{projectId}/keys/{keyId}")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Client.GetAsync($"/v1/projects/{projectId}/keys")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        (await member.Client.GetAsync("/v1/keys")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await TestActors.Anonymous().GetAsync($"/v1/projects/{projectId}/keys")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Key_requests_are_validated()
    {
        var (owner, projectId) = await ProjectAsync();

        (await (await owner.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name = "x", environment = "prod" }))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("error").GetString().Should().Be("environment must be live or test.");
        await (await owner.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name = " ", environment = "live" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.Client.DeleteAsync($"/v1/projects/{projectId}/keys/{Guid.NewGuid()}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "api_key_not_found");
    }

    [Test]
    public async Task Another_companys_keys_and_projects_are_not_found()
    {
        var (owner, projectId) = await ProjectAsync();
        var key = await CreateKeyAsync(owner, projectId);
        var stranger = await TestActors.NewOwnerAsync("Other");

        await (await stranger.Client.GetAsync($"/v1/projects/{projectId}/keys")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name = "x", environment = "live" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await stranger.Client.DeleteAsync($"/v1/projects/{projectId}/keys/{key.GetProperty("id").GetGuid()}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "api_key_not_found");
        (await stranger.Client.GetFromJsonAsync<JsonElement>("/v1/keys")).GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task The_workspace_listing_holds_the_keys_of_every_project()
    {
        var (owner, first) = await ProjectAsync();
        var second = (await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Second" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        await CreateKeyAsync(owner, first);
        await CreateKeyAsync(owner, second, "live");

        var keys = await owner.Client.GetFromJsonAsync<JsonElement>("/v1/keys");

        keys.EnumerateArray().Select(k => k.GetProperty("projectId").GetGuid()).Should().BeEquivalentTo([first, second]);
    }

    [Test]
    public async Task Rotating_issues_a_new_live_key_and_the_old_one_fails_at_once()
    {
        var (owner, projectId) = await ProjectAsync();
        await (await owner.Client.PostAsync($"/v1/projects/{projectId}/keys/rotate", null))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "no_active_live_key");
        var old = (await CreateKeyAsync(owner, projectId, "live")).GetProperty("key").GetString();
        var test = (await CreateKeyAsync(owner, projectId, "test")).GetProperty("key").GetString();

        var rotated = await owner.Client.PostAsync($"/v1/projects/{projectId}/keys/rotate", null);

        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        fresh.Should().StartWith("sk_live_").And.NotBe(old);
        await (await AskWithAsync(old)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
        (await AskWithAsync(fresh)).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);
        (await AskWithAsync(test)).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, "rotation replaces live keys only");
    }

    [Test]
    public async Task Test_key_traffic_is_marked_as_test_and_use_is_recorded_on_the_key()
    {
        var project = await LiveProject.CreateAsync();
        var testKey = await CreateKeyAsync(project.Owner, project.ProjectId, "test");

        var answer = await project.AnswerAsync(new { question = "What about glasses?" }, testKey.GetProperty("key").GetString());
        var live = await project.AnswerAsync(new { question = "What about glasses?" });

        (await project.Owner.Client.GetFromJsonAsync<JsonElement>(
                $"/v1/projects/{project.ProjectId}/conversations/{answer.GetProperty("conversationId").GetGuid()}"))
            .GetProperty("isTest").GetBoolean().Should().BeTrue();
        (await project.Owner.Client.GetFromJsonAsync<JsonElement>(
                $"/v1/projects/{project.ProjectId}/conversations/{live.GetProperty("conversationId").GetGuid()}"))
            .GetProperty("isTest").GetBoolean().Should().BeFalse();
        var listed = (await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/keys")).EnumerateArray()
            .Single(k => k.GetProperty("id").GetGuid() == testKey.GetProperty("id").GetGuid());
        listed.GetProperty("lastUsedAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }
}
