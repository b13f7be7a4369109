using System.Net;
using System.Text.Json;
using static CleanRag.Api.Tests.Conversations.InboxWorkspace;

namespace CleanRag.Api.Tests.Conversations;

/// <summary>
/// GET /v1/conversations/export: the inbox's filters, streamed as a download, CSV (one row per message, RFC 4180, no cell a
/// spreadsheet runs as a formula) or JSON Lines (one conversation per line).
/// </summary>
public class InboxExportTests
{
    [Test]
    public async Task Csv_has_a_row_per_message_quotes_what_needs_it_and_neutralises_formulas()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var id = await workspace.SeedAsync(workspace.ProjectA,
            new Turn("=HYPERLINK(\"http://evil.example\",\"click\")", Answer: "Yes, \"fully\", up to 150 dollars.\nPer year."),
            new Turn("@SUM(A1:A2)", "unanswered"));
        await workspace.SeedAsync(workspace.ProjectB, new Turn("Another project"));

        var response = await workspace.Owner.Client.GetAsync($"/v1/conversations/export?format=csv&projectId={workspace.ProjectA}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').Should().EndWith(".csv");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        rows[0].Should().StartWith(["conversation_id", "project_id", "channel"]);
        var column = rows[0].Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var messages = rows.Skip(1).ToList();
        messages.Should().HaveCount(4, "two questions and two bot replies, and nothing of the other project");
        messages.Should().OnlyContain(r => r[column["conversation_id"]] == id.ToString());
        messages.Select(r => r[column["role"]]).Should().Equal("visitor", "bot", "visitor", "bot");
        messages[0][column["content"]].Should().Be("'=HYPERLINK(\"http://evil.example\",\"click\")");
        messages[1][column["content"]].Should().Be("Yes, \"fully\", up to 150 dollars.\nPer year.");
        messages[1][column["sources"]].Should().Be("benefits.md (p. 2)");
        messages[2][column["content"]].Should().Be("'@SUM(A1:A2)");
        messages[3][column["outcome"]].Should().Be("unanswered");
    }

    [Test]
    public async Task Jsonl_has_one_conversation_per_line_in_inbox_order_with_the_filters_applied()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var older = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?"));
        var newer = await workspace.SeedAsync(workspace.ProjectB, new Turn("Is my cat covered?", "refused"));
        await workspace.SeedAsync(workspace.ProjectB, isTest: true, escalate: false, new Turn("A test"));

        var response = await workspace.Owner.Client.GetAsync("/v1/conversations/export?format=jsonl&isTest=false");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        lines.Select(l => l.GetProperty("id").GetGuid()).Should().Equal(newer, older);
        lines[0].GetProperty("outcomes")[0].GetString().Should().Be("refused");
        lines[1].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).Should().Equal("visitor", "bot");
    }

    [TestCase("", "format")]
    [TestCase("format=xml", "format")]
    [TestCase("format=csv&outcome=maybe", "outcome")]
    [TestCase("format=jsonl&from=last-week", "from")]
    public async Task A_bad_format_or_filter_is_a_400_before_anything_is_sent(string query, string parameter)
    {
        var workspace = await InboxWorkspace.CreateAsync();

        var response = await workspace.Owner.Client.GetAsync($"/v1/conversations/export?{query}");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty(parameter)
            .GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task An_unknown_or_another_companys_project_is_not_found_and_anonymous_callers_are_refused()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var stranger = await InboxWorkspace.CreateAsync();

        await (await workspace.Owner.Client.GetAsync($"/v1/conversations/export?format=csv&projectId={stranger.ProjectA}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await workspace.Owner.Client.GetAsync($"/v1/conversations/export?format=csv&projectId={Guid.NewGuid()}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await TestActors.Anonymous().GetAsync("/v1/conversations/export?format=csv"))
            .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var member = await TestActors.JoinAsync(workspace.Owner, "member");
        (await member.Client.GetAsync("/v1/conversations/export?format=jsonl")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
                field.Append(c);
        }
        return rows;
    }
}
