using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Testing;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Analytics;

/// <summary>
/// The analytics routes over a small scripted set of chats on a live project (hashing embedder, extractive generator).
/// The counts are kept by the async daemon, so each test first waits until the projections have caught up.
/// </summary>
public class AnalyticsTests
{
    private const string EyeExams = "How many eye exams are covered per year?";

    /// <summary>Lets the async daemon process every stored event, so the analytics read models are complete.</summary>
    public static Task ProjectionsCaughtUpAsync() =>
        ApiHost.Factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(90));

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    private static Task<HttpResponseMessage> FeedbackAsync(LiveProject project, JsonElement answer, bool helpful) =>
        project.KeyClient().PostAsJsonAsync("/v1/chat/feedback", new
        {
            conversationId = answer.GetProperty("conversationId").GetGuid(), messageId = answer.GetProperty("messageId").GetGuid(), helpful,
        });

    /// <summary>
    /// Three visitor conversations: two answered questions of one group (the first rated down, then up), an unanswered
    /// question rated down, and an escalation with an email; plus a dashboard test chat, which is not counted.
    /// </summary>
    private static async Task<(LiveProject Project, List<long> LatenciesMs)> ScriptedChatsAsync()
    {
        var project = await LiveProject.CreateAsync();
        var first = await project.AnswerAsync(new { question = EyeExams });
        var second = await project.AnswerAsync(new { question = "Eye exams per year: how many are covered?", conversationId = first.GetProperty("conversationId").GetGuid() });
        var unanswered = await project.AnswerAsync(new { question = "Who won the football world cup in 1998?" });
        var escalated = await project.AnswerAsync(new { question = "Can I talk to a human please? My email is jane@example.org" });
        first.GetProperty("outcome").GetString().Should().Be("answered");
        second.GetProperty("outcome").GetString().Should().Be("answered");
        unanswered.GetProperty("outcome").GetString().Should().Be("unanswered");
        escalated.GetProperty("outcome").GetString().Should().Be("escalated");

        (await FeedbackAsync(project, first, helpful: false)).EnsureSuccessStatusCode();
        (await FeedbackAsync(project, first, helpful: true)).EnsureSuccessStatusCode(); // a changed vote moves, never adds
        (await FeedbackAsync(project, unanswered, helpful: false)).EnsureSuccessStatusCode();
        (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/chat", new { question = EyeExams })).EnsureSuccessStatusCode();

        var history = await project.EventsAsync(first.GetProperty("conversationId").GetGuid());
        var latencies = history.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "answer_given")
            .Select(e => e.GetProperty("data").GetProperty("latencyMs").GetInt64()).ToList();
        // The lead is stored by a consumer of the escalation, over the bus: the projections can count it only once it is.
        await Eventually.IsTrueAsync(async () => (await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/leads?projectId={project.ProjectId}"))
            .GetProperty("items").GetArrayLength() > 0, what: "the escalation's lead");
        await ProjectionsCaughtUpAsync();
        return (project, latencies);
    }

    [Test]
    public async Task The_summary_counts_conversations_outcomes_feedback_escalations_and_leads()
    {
        var (project, latencies) = await ScriptedChatsAsync();

        var summary = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/analytics/summary?projectId={project.ProjectId}");

        var totals = summary.GetProperty("totals");
        totals.GetProperty("conversations").GetInt32().Should().Be(3, "the dashboard's test chat is not counted");
        totals.GetProperty("messages").GetInt32().Should().Be(4);
        totals.GetProperty("answered").GetInt32().Should().Be(2);
        // The football question finds the nearest passages, but nothing generated from them is supported: the guardrail refuses it.
        totals.GetProperty("unanswered").GetInt32().Should().Be(0);
        totals.GetProperty("refused").GetInt32().Should().Be(1);
        totals.GetProperty("answeredRate").GetDouble().Should().Be(0.5);
        totals.GetProperty("refusedRate").GetDouble().Should().Be(0.25);
        totals.GetProperty("positiveFeedback").GetInt32().Should().Be(1);
        totals.GetProperty("negativeFeedback").GetInt32().Should().Be(1, "the first answer's vote changed to positive");
        totals.GetProperty("escalations").GetInt32().Should().Be(1);
        totals.GetProperty("leads").GetInt32().Should().Be(1);
        totals.GetProperty("averageConfidence").GetDouble().Should().BeInRange(0, 1);
        var p50 = totals.GetProperty("latencyP50Ms").GetDouble();
        p50.Should().BeInRange(latencies.Min() / 1.2 - 1, latencies.Max() * 1.2 + 1, "the median lies between the two answers' latencies, within a bucket");

        var daily = summary.GetProperty("daily").EnumerateArray().ToList();
        daily.Should().HaveCount(30, "every day of the default range, zeros included");
        daily[^1].GetProperty("date").GetString().Should().Be(Today);
        daily[^1].GetProperty("messages").GetInt32().Should().Be(4);
        daily.Take(29).Should().OnlyContain(d => d.GetProperty("conversations").GetInt32() == 0);

        var top = summary.GetProperty("topQuestions").EnumerateArray().First();
        top.GetProperty("question").GetString().Should().Be(EyeExams, "both wordings are one group, shown with the first");
        top.GetProperty("asked").GetInt32().Should().Be(2);
        var topUnanswered = summary.GetProperty("topUnanswered").EnumerateArray().Single();
        topUnanswered.GetProperty("question").GetString().Should().Be("Who won the football world cup in 1998?");
        topUnanswered.GetProperty("negativeFeedback").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task The_dashboard_and_the_project_overview_roll_the_counts_up()
    {
        var (project, _) = await ScriptedChatsAsync();
        var client = project.Owner.Client;

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/v1/dashboard/summary");
        dashboard.GetProperty("last30Days").GetProperty("conversations").GetInt32().Should().Be(3);
        dashboard.GetProperty("allTime").GetProperty("messages").GetInt32().Should().Be(4);
        dashboard.GetProperty("liveProjects").GetInt32().Should().Be(1);
        var rollup = dashboard.GetProperty("projectRollups").EnumerateArray().Single();
        rollup.GetProperty("projectId").GetGuid().Should().Be(project.ProjectId);
        rollup.GetProperty("status").GetString().Should().Be("live");
        rollup.GetProperty("last30Days").GetProperty("leads").GetInt32().Should().Be(1);

        var overview = await client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/overview");
        overview.GetProperty("documentsIndexed").GetInt32().Should().Be(1, "the set-up progress is still there");
        overview.GetProperty("last30Days").GetProperty("answered").GetInt32().Should().Be(2);
        overview.GetProperty("allTime").GetProperty("conversations").GetInt32().Should().Be(3);
        overview.GetProperty("thisMonth").GetProperty("month").GetString().Should().Be(Today[..7]);
        overview.GetProperty("thisMonth").GetProperty("messages").GetInt32().Should().Be(4);

        var workspace = await client.GetFromJsonAsync<JsonElement>($"/v1/analytics/summary?from={Today}&to={Today}");
        workspace.TryGetProperty("projectId", out _).Should().BeFalse("nulls are left out");
        workspace.GetProperty("totals").GetProperty("messages").GetInt32().Should().Be(4, "without projectId: the whole workspace");
        workspace.GetProperty("daily").GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task Knowledge_gaps_suggest_content_and_can_be_dismissed_or_marked_done()
    {
        var (project, _) = await ScriptedChatsAsync();
        var owner = project.Owner;
        var member = await TestActors.JoinAsync(owner, "member");
        var admin = await TestActors.JoinAsync(owner, "admin");
        var gapsUrl = $"/v1/projects/{project.ProjectId}/knowledge-gaps";

        var open = await member.Client.GetFromJsonAsync<JsonElement>(gapsUrl);
        var gap = open.GetProperty("items").EnumerateArray().Single();
        gap.GetProperty("suggestion").GetString().Should().Be("Add content about: Who won the football world cup in 1998?");
        gap.GetProperty("unanswered").GetInt32().Should().Be(1);
        gap.GetProperty("negativeFeedback").GetInt32().Should().Be(1);
        gap.GetProperty("impact").GetInt32().Should().Be(2);
        gap.GetProperty("examples").EnumerateArray().Select(e => e.GetString()).Should().Equal("Who won the football world cup in 1998?");
        var gapId = gap.GetProperty("id").GetGuid();

        (await member.Client.PostAsync($"{gapsUrl}/{gapId}/dismiss", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var dismissed = await admin.Client.PostAsync($"{gapsUrl}/{gapId}/dismiss", null);
        dismissed.StatusCode.Should().Be(HttpStatusCode.OK, await dismissed.Content.ReadAsStringAsync());
        (await dismissed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("dismissed");
        await (await admin.Client.PostAsync($"{gapsUrl}/{gapId}/dismiss", null)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "knowledge_gap_already_dismissed");
        (await member.Client.GetFromJsonAsync<JsonElement>(gapsUrl)).GetProperty("items").GetArrayLength().Should().Be(0, "hidden from the open list");
        (await member.Client.GetFromJsonAsync<JsonElement>($"{gapsUrl}?status=dismissed")).GetProperty("items")[0].GetProperty("id").GetGuid()
            .Should().Be(gapId);

        (await owner.Client.PostAsync($"{gapsUrl}/{gapId}/done", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Client.GetFromJsonAsync<JsonElement>($"{gapsUrl}?status=done")).GetProperty("items").GetArrayLength().Should().Be(1);
        var projectEvents = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/events");
        projectEvents.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .Should().ContainInOrder("knowledge_gap_dismissed", "knowledge_gap_resolved");

        // The same question unanswered again after the mark: the gap is open again.
        (await project.AnswerAsync(new { question = "1998 football world cup: who won?" })).GetProperty("outcome").GetString().Should().Be("unanswered");
        await ProjectionsCaughtUpAsync();
        var reopened = (await member.Client.GetFromJsonAsync<JsonElement>(gapsUrl)).GetProperty("items").EnumerateArray().Single();
        reopened.GetProperty("id").GetGuid().Should().Be(gapId);
        reopened.GetProperty("recurred").GetBoolean().Should().BeTrue();
        reopened.GetProperty("unanswered").GetInt32().Should().Be(2);
    }

    [Test]
    public async Task Bad_ranges_and_filters_are_400()
    {
        var owner = await TestActors.NewOwnerAsync();
        var project = (await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Empty" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        foreach (var query in new[]
                 {
                     "from=2026-12-10&to=2026-12-01", "from=2025-01-01&to=2026-01-02", "from=yesterday", "to=2026-13-01", "from=2026-12-01T25:00:00Z",
                 })
        {
            await (await owner.Client.GetAsync($"/v1/analytics/summary?projectId={project}&{query}"))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        (await owner.Client.GetAsync("/v1/analytics/summary?projectId=not-a-guid")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await (await owner.Client.GetAsync($"/v1/projects/{project}/knowledge-gaps?status=closed")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.Client.GetAsync($"/v1/projects/{project}/knowledge-gaps?limit=0")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var fullYear = await owner.Client.GetFromJsonAsync<JsonElement>($"/v1/analytics/summary?projectId={project}&from=2025-01-01&to=2026-01-01");
        fullYear.GetProperty("daily").GetArrayLength().Should().Be(366, "366 days is the longest range");
        fullYear.GetProperty("totals").TryGetProperty("answeredRate", out _).Should().BeFalse("no questions, no rate");
    }

    [Test]
    public async Task Unknown_and_other_companies_projects_and_gaps_are_404()
    {
        var owner = await TestActors.NewOwnerAsync();
        var stranger = await TestActors.NewOwnerAsync("Other Co");
        var project = (await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Mine" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        foreach (var (client, id) in new[] { (owner.Client, Guid.NewGuid()), (stranger.Client, project) })
        {
            await (await client.GetAsync($"/v1/analytics/summary?projectId={id}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await client.GetAsync($"/v1/projects/{id}/knowledge-gaps")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await client.PostAsync($"/v1/projects/{id}/knowledge-gaps/{Guid.NewGuid()}/dismiss", null))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
            await (await client.PostAsync($"/v1/projects/{id}/knowledge-gaps/{Guid.NewGuid()}/done", null))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "project_not_found");
        }
        await (await owner.Client.PostAsync($"/v1/projects/{project}/knowledge-gaps/{Guid.NewGuid()}/done", null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "knowledge_gap_not_found");
        var strangerDashboard = await stranger.Client.GetFromJsonAsync<JsonElement>("/v1/dashboard/summary");
        strangerDashboard.GetProperty("projectRollups").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Another_projects_gap_is_404_and_members_read_but_do_not_decide()
    {
        var (project, _) = await ScriptedChatsAsync();
        var member = await TestActors.JoinAsync(project.Owner, "member");
        var otherProject = (await (await project.Owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Sales" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var gapId = (await member.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/knowledge-gaps"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        await (await project.Owner.Client.PostAsync($"/v1/projects/{otherProject}/knowledge-gaps/{gapId}/dismiss", null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "knowledge_gap_not_found");
        await (await member.Client.PostAsync($"/v1/projects/{project.ProjectId}/knowledge-gaps/{gapId}/done", null))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        (await member.Client.GetAsync($"/v1/analytics/summary?projectId={project.ProjectId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Client.GetAsync("/v1/dashboard/summary")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestActors.Anonymous().GetAsync("/v1/dashboard/summary")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var noCompany = await TestActors.SignUpAsync();
        (await noCompany.Client.GetAsync("/v1/analytics/summary")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
