using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.Leads;

/// <summary>
/// The leads routes: any member reads, creates and updates leads, only admins export them; bad input is a 400, unknown
/// ids and another company's a 404.
/// </summary>
public class LeadEndpointsTests
{
    [Test]
    public async Task A_member_creates_reads_lists_and_updates_a_lead_linked_to_its_conversation()
    {
        var api = await LeadApi.NewProjectAsync();
        var member = await TestActors.JoinAsync(api.Owner, "member");
        var conversationId = await api.StartConversationAsync();

        var created = await api.CreateAsync(email: " ada@example.com ", phone: "+1 555 0100", name: "Ada Lovelace", notes: "Wants the Plus plan",
            conversationId: conversationId, actor: member);

        var leadId = created.GetProperty("id").GetGuid();
        created.GetProperty("projectId").GetGuid().Should().Be(api.ProjectId);
        created.GetProperty("conversationId").GetGuid().Should().Be(conversationId);
        created.GetProperty("visitorId").GetString().Should().Be("visitor-1");
        created.GetProperty("email").GetString().Should().Be("ada@example.com");
        created.GetProperty("source").GetString().Should().Be("manual");
        created.GetProperty("status").GetString().Should().Be("new");
        var read = await member.Client.GetFromJsonAsync<JsonElement>($"/v1/leads/{leadId}");
        read.GetProperty("name").GetString().Should().Be("Ada Lovelace");
        read.GetProperty("conversationId").GetGuid().Should().Be(conversationId);
        (await api.ListAsync(actor: member)).Select(l => l.GetProperty("id").GetGuid()).Should().Equal(leadId);

        var patched = await LeadApi.PatchAsync(member, leadId, new { status = "contacted", notes = "Called, call back Monday" });
        patched.StatusCode.Should().Be(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        var updated = await patched.Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("status").GetString().Should().Be("contacted");
        updated.GetProperty("notes").GetString().Should().Be("Called, call back Monday");
        updated.GetProperty("updatedAt").GetDateTimeOffset().Should().BeAfter(created.GetProperty("updatedAt").GetDateTimeOffset());

        var statusOnly = await (await LeadApi.PatchAsync(api.Owner, leadId, new { status = "won" })).Content.ReadFromJsonAsync<JsonElement>();
        statusOnly.GetProperty("status").GetString().Should().Be("won");
        statusOnly.GetProperty("notes").GetString().Should().Be("Called, call back Monday", "absent fields stay as they are");
        var cleared = await (await LeadApi.PatchAsync(api.Owner, leadId, new { notes = "" })).Content.ReadFromJsonAsync<JsonElement>();
        cleared.TryGetProperty("notes", out _).Should().BeFalse("cleared notes are null, and null fields are left out");
    }

    [Test]
    public async Task Leads_are_filtered_by_project_status_source_period_and_search_newest_first_a_page_at_a_time()
    {
        var api = await LeadApi.NewProjectAsync();
        var otherProject = await (await api.Owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Other" })).Content.ReadFromJsonAsync<JsonElement>();
        var second = new LeadApi(api.Owner, otherProject.GetProperty("id").GetGuid());
        var ada = await api.CreateAsync(email: "ada@example.com", name: "Ada Lovelace");
        var grace = await api.CreateAsync(email: null, phone: "+1 (555) 010-0199", name: "Grace Hopper");
        var betweenThem = grace.GetProperty("createdAt").GetDateTimeOffset();
        var alan = await second.CreateAsync(email: "alan@example.org", name: "Alan Turing");
        await LeadApi.PatchAsync(api.Owner, grace.GetProperty("id").GetGuid(), new { status = "lost" });

        static IEnumerable<string?> Names(List<JsonElement> leads) => leads.Select(l => l.GetProperty("name").GetString());
        Names(await api.ListAsync()).Should().Equal("Alan Turing", "Grace Hopper", "Ada Lovelace");
        Names(await api.ListAsync($"?projectId={api.ProjectId}")).Should().Equal("Grace Hopper", "Ada Lovelace");
        Names(await api.ListAsync("?status=lost")).Should().Equal("Grace Hopper");
        Names(await api.ListAsync("?source=manual&status=new")).Should().Equal("Alan Turing", "Ada Lovelace");
        Names(await api.ListAsync("?source=chat")).Should().BeEmpty();
        Names(await api.ListAsync("?q=LOVELACE")).Should().Equal("Ada Lovelace");
        Names(await api.ListAsync("?q=example.org")).Should().Equal("Alan Turing");
        Names(await api.ListAsync("?q=555-010-0199")).Should().Equal(["Grace Hopper"], "a phone is found by its digits, however typed");
        Names(await api.ListAsync($"?from={Uri.EscapeDataString(betweenThem.ToString("O"))}")).Should().Equal("Alan Turing", "Grace Hopper");
        Names(await api.ListAsync($"?to={Uri.EscapeDataString(betweenThem.ToString("O"))}")).Should().Equal("Ada Lovelace");

        var firstPage = await api.Owner.Client.GetFromJsonAsync<JsonElement>("/v1/leads?pageSize=2");
        firstPage.GetProperty("hasMore").GetBoolean().Should().BeTrue();
        firstPage.GetProperty("items").GetArrayLength().Should().Be(2);
        var lastPage = await api.Owner.Client.GetFromJsonAsync<JsonElement>("/v1/leads?pageSize=2&page=2");
        lastPage.GetProperty("hasMore").GetBoolean().Should().BeFalse();
        lastPage.GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(ada.GetProperty("id").GetGuid());
        alan.GetProperty("projectId").GetGuid().Should().Be(second.ProjectId);
    }

    [Test]
    public async Task Admins_export_the_filtered_leads_as_csv_safe_for_spreadsheets_or_as_json_lines()
    {
        var api = await LeadApi.NewProjectAsync();
        var admin = await TestActors.JoinAsync(api.Owner, "admin");
        var member = await TestActors.JoinAsync(api.Owner, "member");
        await api.CreateAsync(email: "ada@example.com", name: "=HYPERLINK(\"http://evil.example\",\"Click\")", notes: "Said \"hi\",\nthen left");
        await api.CreateAsync(email: null, phone: "+1 555 0100", name: "Grace");

        var csv = await admin.Client.GetAsync("/v1/leads/export");
        csv.StatusCode.Should().Be(HttpStatusCode.OK, await csv.Content.ReadAsStringAsync());
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.Should().Contain("leads.csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.Should().StartWith("id,projectId,conversationId,visitorId,source,status,name,email,phone,message,notes,createdAt,updatedAt\r\n");
        text.Should().Contain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", "a formula is shown as text, quotes doubled");
        text.Should().Contain("\"Said \"\"hi\"\",\nthen left\"", "a line break stays inside its quoted cell");
        text.Should().Contain("\"'+1 555 0100\"", "a leading + would start a formula as well");
        text.IndexOf("ada@example.com", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Grace", StringComparison.Ordinal), "oldest first");

        var jsonl = await api.Owner.Client.GetAsync("/v1/leads/export?format=jsonl&q=grace");
        jsonl.StatusCode.Should().Be(HttpStatusCode.OK);
        jsonl.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        var grace = JsonDocument.Parse(lines[0]).RootElement;
        grace.GetProperty("phone").GetString().Should().Be("+1 555 0100", "JSON needs no spreadsheet escaping");
        grace.GetProperty("source").GetString().Should().Be("manual");

        await (await member.Client.GetAsync("/v1/leads/export")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Bad_input_is_refused_with_the_field_that_is_wrong()
    {
        var api = await LeadApi.NewProjectAsync();
        var lead = await api.CreateAsync();
        var leadId = lead.GetProperty("id").GetGuid();

        async Task Refused(HttpResponseMessage response, string field) =>
            (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty(field, out _)
                .Should().BeTrue(field);

        await Refused(await LeadApi.CreateAsync(api.Owner, new { projectId = api.ProjectId, name = "No contact" }), "email");
        await Refused(await LeadApi.CreateAsync(api.Owner, new { projectId = api.ProjectId, email = "not-an-email" }), "email");
        await Refused(await LeadApi.CreateAsync(api.Owner, new { projectId = api.ProjectId, phone = "call me" }), "phone");
        await Refused(await LeadApi.CreateAsync(api.Owner, new { email = "ada@example.com" }), "projectId");
        await Refused(await LeadApi.CreateAsync(api.Owner, new { projectId = api.ProjectId, email = "a@example.com", notes = new string('n', 4001) }), "notes");
        await Refused(await LeadApi.PatchAsync(api.Owner, leadId, new { status = "closed" }), "status");
        await Refused(await LeadApi.PatchAsync(api.Owner, leadId, new { }), "status");
        await Refused(await api.Owner.Client.GetAsync("/v1/leads?status=Won&source=fax&pageSize=0"), "status");
        await Refused(await api.Owner.Client.GetAsync("/v1/leads?source=fax"), "source");
        await Refused(await api.Owner.Client.GetAsync("/v1/leads?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"), "to");
        await Refused(await api.Owner.Client.GetAsync("/v1/leads/export?format=xlsx"), "format");
        (await api.Owner.Client.GetAsync("/v1/leads?from=yesterday")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.Owner.Client.GetAsync("/v1/leads?projectId=nope")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await (await api.Owner.Client.PostAsync("/v1/leads", new StringContent("{oops", null, "application/json")))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
        (await api.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/leads/{leadId}")).GetProperty("status").GetString().Should().Be("new");
    }

    [Test]
    public async Task Unknown_ids_and_another_companys_leads_projects_and_conversations_are_not_found()
    {
        var api = await LeadApi.NewProjectAsync();
        var other = await LeadApi.NewProjectAsync();
        var theirLead = await other.CreateAsync(email: "theirs@example.com");
        var theirLeadId = theirLead.GetProperty("id").GetGuid();
        var theirConversation = await other.StartConversationAsync();
        var ourConversation = await api.StartConversationAsync();
        var ourOtherProject = await (await api.Owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Other" })).Content.ReadFromJsonAsync<JsonElement>();

        foreach (var leadId in new[] { Guid.NewGuid(), theirLeadId, ourConversation })
        {
            await (await api.Owner.Client.GetAsync($"/v1/leads/{leadId}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "lead_not_found");
            await (await LeadApi.PatchAsync(api.Owner, leadId, new { status = "won" })).ShouldBeErrorAsync(HttpStatusCode.NotFound, "lead_not_found");
        }
        foreach (var projectId in new[] { Guid.NewGuid(), other.ProjectId })
        {
            await (await LeadApi.CreateAsync(api.Owner, new { projectId, email = "ada@example.com" }))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await api.Owner.Client.GetAsync($"/v1/leads?projectId={projectId}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await api.Owner.Client.GetAsync($"/v1/leads/export?projectId={projectId}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        }
        foreach (var conversationId in new[] { Guid.NewGuid(), theirConversation })
        {
            await (await LeadApi.CreateAsync(api.Owner, new { projectId = api.ProjectId, email = "ada@example.com", conversationId }))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        }
        await (await LeadApi.CreateAsync(api.Owner,
                new { projectId = ourOtherProject.GetProperty("id").GetGuid(), email = "ada@example.com", conversationId = ourConversation }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "conversation_not_in_project");

        (await api.ListAsync()).Should().BeEmpty("another company's leads are never listed");
        (await other.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/leads/{theirLeadId}")).GetProperty("status").GetString().Should().Be("new");
    }

    [Test]
    public async Task Anonymous_callers_are_refused()
    {
        var anonymous = TestActors.Anonymous();

        foreach (var response in new[]
                 {
                     await anonymous.GetAsync("/v1/leads"), await anonymous.GetAsync($"/v1/leads/{Guid.NewGuid()}"),
                     await anonymous.GetAsync("/v1/leads/export"),
                     await anonymous.PostAsJsonAsync("/v1/leads", new { projectId = Guid.NewGuid(), email = "ada@example.com" }),
                     await anonymous.PatchAsJsonAsync($"/v1/leads/{Guid.NewGuid()}", new { status = "won" }),
                 })
        {
            await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
    }
}
