using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using static CleanRag.Api.Tests.Conversations.InboxWorkspace;

namespace CleanRag.Api.Tests.Conversations;

/// <summary>
/// The workspace inbox, GET /v1/conversations: every project's conversations of the caller's company, latest activity first,
/// narrowed by each filter, searched with full text, paged with an opaque cursor; bad filters are 400s, foreign projects 404s.
/// </summary>
public class InboxTests
{
    [Test]
    public async Task It_lists_the_companys_conversations_of_every_project_latest_activity_first_and_no_other_companys()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var older = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?"));
        var newer = await workspace.SeedAsync(workspace.ProjectB, new Turn("Do you ship abroad?", "unanswered"));
        var stranger = await InboxWorkspace.CreateAsync();
        await stranger.SeedAsync(stranger.ProjectA, new Turn("Are glasses covered?"));

        var page = await workspace.PageAsync();

        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetGuid()).Should().Equal(newer, older);
        items[0].GetProperty("projectId").GetGuid().Should().Be(workspace.ProjectB);
        items[0].GetProperty("lastQuestion").GetString().Should().Be("Do you ship abroad?");
        items[0].GetProperty("handling").GetString().Should().Be("bot");
        items[0].GetProperty("reviewStatus").GetString().Should().Be("new");
        items[0].GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()).Should().Equal("unanswered");
        page.TryGetProperty("nextCursor", out _).Should().BeFalse("one page holds them all (nulls are left out)");
    }

    [Test]
    public async Task Each_filter_keeps_only_the_conversations_that_match_it()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var answered = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?", Helpful: true));
        var unanswered = await workspace.SeedAsync(workspace.ProjectA, new Turn("Who won the cup?", "unanswered"));
        var refused = await workspace.SeedAsync(workspace.ProjectB, new Turn("Is my cat covered?", "refused"));
        var disliked = await workspace.SeedAsync(workspace.ProjectB, new Turn("And contacts?", Helpful: false, Comment: "wrong plan"));
        var test = await workspace.SeedAsync(workspace.ProjectA, isTest: true, escalate: false, new Turn("Test question"));
        var escalated = await workspace.SeedAsync(workspace.ProjectB, isTest: false, escalate: true, new Turn("Can a person help?", "unanswered"));
        await workspace.Owner.Client.PatchAsJsonAsync($"/v1/conversations/{answered}", new { reviewStatus = "reviewed", rating = 5 });
        await workspace.Owner.Client.PatchAsJsonAsync($"/v1/conversations/{refused}", new { reviewStatus = "needs_follow_up", rating = 2 });
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

        (await workspace.IdsAsync($"?projectId={workspace.ProjectB}")).Should().BeEquivalentTo([refused, disliked, escalated]);
        (await workspace.IdsAsync("?handling=escalated")).Should().BeEquivalentTo([escalated]);
        (await workspace.IdsAsync("?handling=bot")).Should().BeEquivalentTo([answered, unanswered, refused, disliked, test]);
        (await workspace.IdsAsync("?reviewStatus=reviewed")).Should().BeEquivalentTo([answered]);
        (await workspace.IdsAsync("?reviewStatus=needs_follow_up")).Should().BeEquivalentTo([refused]);
        (await workspace.IdsAsync("?reviewStatus=new")).Should().BeEquivalentTo([unanswered, disliked, test, escalated]);
        (await workspace.IdsAsync("?rating=2")).Should().BeEquivalentTo([refused]);
        (await workspace.IdsAsync("?outcome=answered")).Should().BeEquivalentTo([answered, disliked, test]);
        (await workspace.IdsAsync("?outcome=unanswered")).Should().BeEquivalentTo([unanswered, escalated]);
        (await workspace.IdsAsync("?outcome=refused")).Should().BeEquivalentTo([refused]);
        (await workspace.IdsAsync("?hasNegativeFeedback=true")).Should().BeEquivalentTo([disliked]);
        (await workspace.IdsAsync("?hasNegativeFeedback=false")).Should().NotContain(disliked).And.HaveCount(5);
        (await workspace.IdsAsync("?isTest=true")).Should().BeEquivalentTo([test]);
        (await workspace.IdsAsync("?isTest=false")).Should().NotContain(test).And.HaveCount(5);
        (await workspace.IdsAsync($"?from={today}&to={today}")).Should().HaveCount(6);
        (await workspace.IdsAsync($"?from={tomorrow}")).Should().BeEmpty();
        (await workspace.IdsAsync($"?to={yesterday}")).Should().BeEmpty();
        (await workspace.IdsAsync($"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Should().HaveCount(6);
        (await workspace.IdsAsync($"?projectId={workspace.ProjectA}&outcome=answered&isTest=false&reviewStatus=reviewed&rating=5"))
            .Should().BeEquivalentTo([answered], "filters combine");
    }

    [Test]
    public async Task The_cursor_walks_every_conversation_exactly_once_across_pages()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var seeded = new List<Guid>();
        for (var i = 0; i < 7; i++)
            seeded.Add(await workspace.SeedAsync(i % 2 == 0 ? workspace.ProjectA : workspace.ProjectB, new Turn($"Question {i}")));

        var seen = new List<Guid>();
        var pageSizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await workspace.PageAsync($"?limit=3{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            seen.AddRange(ids);
            pageSizes.Add(ids.Count);
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        pageSizes.Should().Equal(3, 3, 1);
        seen.Should().OnlyHaveUniqueItems().And.Equal(Enumerable.Reverse(seeded), "newest activity first, no gaps");
    }

    [Test]
    public async Task Full_text_search_finds_a_word_of_an_answer_and_never_another_companys_conversation()
    {
        var project = await LiveProject.CreateAsync();
        var answer = await project.AnswerAsync(new { question = "How much of my glasses is covered?" });
        answer.GetProperty("answer").GetString().Should().Contain("150 dollars");
        var conversationId = answer.GetProperty("conversationId").GetGuid();
        var other = await LiveProject.CreateAsync();
        await other.AnswerAsync(new { question = "How much of my glasses is covered?" });

        async Task<IReadOnlyList<Guid>> Search(string q) =>
            (await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/conversations?q={Uri.EscapeDataString(q)}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        (await Search("dollars")).Should().Equal([conversationId], "the word is in the bot's answer, and the other company's is not seen");
        (await Search("glass")).Should().Equal([conversationId], "English stemming: glass matches glasses in the question");
        (await Search("dental")).Should().BeEmpty();
        (await Search("\"150 dollars\" -dental")).Should().Equal([conversationId], "web-search syntax");
        (await Search("dollars & | ! (")).Should().Equal([conversationId], "operators in the input are never a syntax error");
    }

    [TestCase("handling=asleep", "handling")]
    [TestCase("reviewStatus=done", "reviewStatus")]
    [TestCase("rating=6", "rating")]
    [TestCase("rating=0", "rating")]
    [TestCase("outcome=maybe", "outcome")]
    [TestCase("from=yesterday", "from")]
    [TestCase("to=2026-13-01", "to")]
    [TestCase("from=2026-12-01T10:00:00", "from")]
    [TestCase("from=2026-12-02&to=2026-12-01", "to")]
    [TestCase("q=%20%20", "q")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    public async Task A_bad_filter_value_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var workspace = await InboxWorkspace.CreateAsync();

        var body = await (await workspace.GetAsync("?" + query)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        body.GetProperty("errors").GetProperty(parameter)[0].GetString().Should().StartWith(parameter);
    }

    [TestCase("rating=five")]
    [TestCase("hasNegativeFeedback=maybe")]
    [TestCase("projectId=not-a-guid")]
    [TestCase("limit=many")]
    public async Task A_filter_value_of_the_wrong_type_is_a_400(string query)
    {
        var workspace = await InboxWorkspace.CreateAsync();

        var body = await (await workspace.GetAsync("?" + query)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "bad_request");

        body.GetProperty("error").GetString().Should().ContainEquivalentOf(query.Split('=')[0], "the message names the parameter");
    }

    [Test]
    public async Task An_unknown_project_or_another_companys_is_not_found()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var stranger = await InboxWorkspace.CreateAsync();

        await (await workspace.GetAsync($"?projectId={Guid.NewGuid()}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        await (await workspace.GetAsync($"?projectId={stranger.ProjectA}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
    }

    [Test]
    public async Task Any_member_reads_the_inbox_anonymous_callers_and_users_without_a_company_do_not()
    {
        var workspace = await InboxWorkspace.CreateAsync();
        var id = await workspace.SeedAsync(workspace.ProjectA, new Turn("Are glasses covered?"));
        var member = await TestActors.JoinAsync(workspace.Owner, "member");
        var admin = await TestActors.JoinAsync(workspace.Owner, "admin");

        foreach (var reader in new[] { member, admin })
        {
            (await reader.Client.GetFromJsonAsync<JsonElement>("/v1/conversations")).GetProperty("items")[0].GetProperty("id").GetGuid()
                .Should().Be(id);
        }
        await (await TestActors.Anonymous().GetAsync("/v1/conversations")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var loner = await TestActors.SignUpAsync();
        await (await loner.Client.GetAsync("/v1/conversations")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "no_company");
    }
}
