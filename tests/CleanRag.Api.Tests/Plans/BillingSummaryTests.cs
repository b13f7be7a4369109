using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Application.Plans;

namespace CleanRag.Api.Tests.Plans;

/// <summary><c>GET /v1/billing/summary</c>: the company's plan, its limits and features, and what it uses this month.</summary>
public class BillingSummaryTests
{
    private static async Task<JsonElement> SummaryAsync(TestActor actor)
    {
        var response = await actor.Client.GetAsync("/v1/billing/summary");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task A_company_without_an_assigned_plan_is_on_the_default_plan_with_every_feature_and_no_limit()
    {
        var owner = await TestActors.NewOwnerAsync();

        var summary = await SummaryAsync(owner);

        summary.GetProperty("plan").GetString().Should().Be("business");
        var limits = summary.GetProperty("limits");
        foreach (var limit in new[] { "projects", "documents", "storageMegabytes", "messagesPerMonth" })
            limits.TryGetProperty(limit, out var value).Should().Be(false, $"{limit} is unlimited (null, left out) but was {value}");
        var features = summary.GetProperty("features");
        Features.All.Should().OnlyContain(f => features.GetProperty(f).GetBoolean());
        var usage = summary.GetProperty("usage");
        usage.GetProperty("projects").GetInt32().Should().Be(0);
        usage.GetProperty("documents").GetInt32().Should().Be(0);
        usage.GetProperty("storageBytes").GetInt64().Should().Be(0);
        usage.GetProperty("messages").GetInt32().Should().Be(0);
        var now = DateTimeOffset.UtcNow;
        var period = summary.GetProperty("period");
        period.GetProperty("start").GetDateTimeOffset().Should().Be(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero));
        period.GetProperty("end").GetDateTimeOffset().Should().Be(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1));
    }

    [Test]
    public async Task Every_member_reads_it_and_someone_without_a_company_or_credential_cannot()
    {
        var owner = await TestActors.NewOwnerAsync();
        await PlanOperator.SetAsync(owner.CompanyId, "pro");
        var admin = await TestActors.JoinAsync(owner, "admin");
        var member = await TestActors.JoinAsync(owner, "member");

        foreach (var actor in new[] { owner, admin, member })
            (await SummaryAsync(actor)).GetProperty("plan").GetString().Should().Be("pro");
        await (await (await TestActors.SignUpAsync()).Client.GetAsync("/v1/billing/summary")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "no_company");
        await (await TestActors.Anonymous().GetAsync("/v1/billing/summary")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Each_company_sees_its_own_plan_only()
    {
        var onFree = await TestActors.NewOwnerAsync();
        var onDefault = await TestActors.NewOwnerAsync();

        await PlanOperator.SetAsync(onFree.CompanyId, "free");

        var free = await SummaryAsync(onFree);
        free.GetProperty("plan").GetString().Should().Be("free");
        free.GetProperty("limits").GetProperty("projects").GetInt32().Should().Be(1);
        free.GetProperty("limits").GetProperty("documents").GetInt32().Should().Be(2, "the test host's free plan");
        free.GetProperty("limits").GetProperty("storageMegabytes").GetInt32().Should().Be(1);
        free.GetProperty("limits").GetProperty("messagesPerMonth").GetInt32().Should().Be(2);
        free.GetProperty("features").GetProperty(Features.Webhooks).GetBoolean().Should().BeFalse();
        free.GetProperty("features").GetProperty(Features.OfficeHours).GetBoolean().Should().BeTrue();
        (await SummaryAsync(onDefault)).GetProperty("plan").GetString().Should().Be("business", "another company's change does not leak");
    }

    [Test]
    public async Task Usage_counts_projects_stored_documents_and_this_months_visitor_questions_apart_from_test_ones()
    {
        var project = await LiveProject.CreateAsync();
        await project.AnswerAsync(new { question = "What about glasses?" });
        await WidgetConversation.StartAsync(project, "And dental cleanings?");
        var test = await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/chat", new { question = "What about glasses?" });
        test.StatusCode.Should().Be(HttpStatusCode.OK, await test.Content.ReadAsStringAsync());
        // A presigned upload whose bytes never arrived stores nothing.
        (await project.Owner.Client.PostAsJsonAsync(project.Documents.Route("/upload-url"), new { filename = "draft.txt", contentType = "text/plain" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await project.Owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Second" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var usage = (await SummaryAsync(project.Owner)).GetProperty("usage");

        usage.GetProperty("projects").GetInt32().Should().Be(2);
        usage.GetProperty("documents").GetInt32().Should().Be(1);
        usage.GetProperty("storageBytes").GetInt64().Should().Be(Encoding.UTF8.GetByteCount(LiveProject.Knowledge));
        usage.GetProperty("messages").GetInt32().Should().Be(2, "one question through the key, one through the widget");
        usage.GetProperty("testMessages").GetInt32().Should().Be(1, "the dashboard's test chat");
    }
}
