using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Evaluation.ExecuteTestRun;
using CleanRag.Domain.Evaluation;
using CleanRag.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CleanRag.Api.Tests.Evaluation;

public class TestRunTests
{
    /// <summary>A three-page benefits PDF: an overview, vision on page 2, dental on page 3.</summary>
    private static byte[] BenefitsPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        string[][] pages =
        [
            ["Northwind Plus benefits overview.", "The plan year starts on the first of January."],
            ["Vision coverage.", "Glasses are covered up to 150 dollars per year.", "One eye exam per year is covered in full."],
            ["Dental coverage.", "Dental cleanings are covered twice a year."],
        ];
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var i = 0; i < lines.Length; i++)
                page.AddText(lines[i], 12, new PdfPoint(50, 750 - 20 * i), font);
        }
        return builder.Build();
    }

    private static async Task<(DocumentApi Api, Guid DocumentId)> ProjectWithBenefitsAsync()
    {
        var api = await DocumentApi.NewProjectAsync();
        var documentId = await api.UploadOneAsync("benefits.pdf", BenefitsPdf());
        await api.SyncAsync();
        (await api.WaitUntilSettledAsync()).Single().GetProperty("status").GetString().Should().Be("indexed");
        return (api, documentId);
    }

    private static string Runs(DocumentApi api, string path = "") => $"/v1/projects/{api.ProjectId}/test-runs{path}";

    private static async Task<Guid> StartRunAsync(DocumentApi api, object body)
    {
        var response = await api.Actor.Client.PostAsJsonAsync(Runs(api), body);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        run.GetProperty("status").GetString().Should().Be("queued");
        response.Headers.Location!.ToString().Should().EndWith($"/test-runs/{run.GetProperty("id").GetGuid()}");
        return run.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> FinishedAsync(DocumentApi api, Guid runId) =>
        (await Eventually.GetAsync<JsonElement?>(async () =>
        {
            var run = await api.Actor.Client.GetFromJsonAsync<JsonElement>(Runs(api, $"/{runId}"));
            return run.GetProperty("status").GetString() is "completed" or "failed" ? run : null;
        }, TimeSpan.FromSeconds(90), "the test run to finish"))!.Value;

    private static JsonElement Result(JsonElement run, int index) =>
        run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetInt32() == index);

    private static int LastPage(JsonElement source) =>
        source.TryGetProperty("pageEnd", out var end) ? end.GetInt32() : source.GetProperty("pageNumber").GetInt32();

    private static IEnumerable<string> Reasons(JsonElement result) =>
        result.TryGetProperty("reasons", out var reasons) ? reasons.EnumerateArray().Select(r => r.GetString()!) : [];

    [Test]
    public async Task A_run_of_saved_prompts_completes_with_each_verdict_and_the_next_run_shows_what_regressed()
    {
        var (api, documentId) = await ProjectWithBenefitsAsync();
        foreach (var prompt in new object[]
                 {
                     new { question = "How much of my glasses is covered?", expectedDocument = "benefits.pdf", expectedPage = 2, mustContain = new[] { "150" } },
                     new { question = "How often are dental cleanings covered?", mustContain = new[] { "copay" } },
                     new { question = "What is the capital of Peru?", mustRefuse = true },
                 })
            (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/test-prompts", prompt)).EnsureSuccessStatusCode();

        var first = await FinishedAsync(api, await StartRunAsync(api, new { }));

        first.GetProperty("status").GetString().Should().Be("completed");
        (first.GetProperty("passed").GetInt32(), first.GetProperty("failed").GetInt32()).Should().Be((2, 1));
        var glasses = Result(first, 0);
        glasses.GetProperty("passed").GetBoolean().Should().BeTrue(string.Join("; ", Reasons(glasses)));
        glasses.GetProperty("answer").GetString().Should().Contain("150 dollars");
        glasses.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("documentId").GetGuid() == documentId)
            .Should().Contain(s => s.GetProperty("pageNumber").GetInt32() <= 2 && LastPage(s) >= 2, "a cited passage spans page 2");
        glasses.GetProperty("confidence").GetDouble().Should().BeInRange(0, 1);
        glasses.GetProperty("latencyMs").GetInt64().Should().BeGreaterThanOrEqualTo(0);
        var dental = Result(first, 1);
        dental.GetProperty("passed").GetBoolean().Should().BeFalse();
        Reasons(dental).Should().Equal("missing word 'copay'");
        var peru = Result(first, 2);
        peru.GetProperty("passed").GetBoolean().Should().BeTrue(string.Join("; ", Reasons(peru)));
        peru.GetProperty("outcome").GetString().Should().Be("unanswered");
        first.TryGetProperty("comparison", out _).Should().BeFalse("there is no earlier completed run");

        // The project changes: its benefits document is deleted. The next run uses the project as it is now.
        (await api.Actor.Client.DeleteAsync(api.Route($"/{documentId}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var secondId = await StartRunAsync(api, new { });
        var second = await FinishedAsync(api, secondId);

        Reasons(Result(second, 0)).Should().Contain("expected benefits.pdf page 2; cited nothing");
        var comparison = second.GetProperty("comparison");
        comparison.GetProperty("previousRunId").GetGuid().Should().Be(first.GetProperty("id").GetGuid());
        comparison.GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("change").GetString())
            .Should().Equal("regressed", "unchanged", "unchanged");
        (comparison.GetProperty("regressed").GetInt32(), comparison.GetProperty("unchanged").GetInt32()).Should().Be((1, 2));

        var listed = await api.Actor.Client.GetFromJsonAsync<JsonElement>(Runs(api, "?pageSize=1"));
        listed.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(secondId);
        listed[0].TryGetProperty("results", out _).Should().BeFalse("the list shows status and counts");
    }

    [Test]
    public async Task Chosen_saved_prompts_and_ad_hoc_prompts_run_together_and_unknown_ones_are_refused()
    {
        var (api, documentId) = await ProjectWithBenefitsAsync();
        var saved = await (await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/test-prompts",
            new { question = "How often are dental cleanings covered?", expectedDocumentId = documentId, expectedPage = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        await api.Actor.Client.PostAsJsonAsync($"/v1/projects/{api.ProjectId}/test-prompts", new { question = "Not chosen?" });

        var run = await FinishedAsync(api, await StartRunAsync(api, new
        {
            promptIds = new[] { saved.GetProperty("id").GetGuid() },
            prompts = new object[] { new { question = "How much of my glasses is covered?", mustContain = new[] { "150" } } },
        }));

        run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("question").GetString())
            .Should().BeEquivalentTo("How often are dental cleanings covered?", "How much of my glasses is covered?");
        Result(run, 0).GetProperty("promptId").GetGuid().Should().Be(saved.GetProperty("id").GetGuid());
        Result(run, 1).TryGetProperty("promptId", out _).Should().BeFalse("an ad-hoc prompt is not saved");
        Result(run, 1).GetProperty("passed").GetBoolean().Should().BeTrue(string.Join("; ", Reasons(Result(run, 1))));

        await (await api.Actor.Client.PostAsJsonAsync(Runs(api), new { promptIds = new[] { Guid.NewGuid() } }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await api.Actor.Client.PostAsJsonAsync(Runs(api), new { prompts = new[] { new { question = " " } } }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await api.Actor.Client.GetAsync(Runs(api, $"/{Guid.NewGuid()}"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "test_run_not_found");
    }

    [Test]
    public async Task A_question_the_chat_does_not_take_fails_its_prompt_with_the_reason_and_the_run_still_completes()
    {
        var (api, _) = await ProjectWithBenefitsAsync();
        // The project's current settings apply: questions are now limited to 20 characters.
        (await api.Actor.Client.PatchAsJsonAsync($"/v1/projects/{api.ProjectId}", new { questionMaxLength = 20 })).EnsureSuccessStatusCode();

        var run = await FinishedAsync(api, await StartRunAsync(api, new
        {
            prompts = new object[] { new { question = "How much of my glasses is covered?" }, new { question = "Dental cleanings?" } },
        }));

        run.GetProperty("status").GetString().Should().Be("completed");
        Result(run, 0).GetProperty("outcome").GetString().Should().Be("failed");
        Reasons(Result(run, 0)).Should().ContainSingle().Which.Should().StartWith("the chat failed:");
        Result(run, 1).GetProperty("outcome").GetString().Should().Be("answered");
    }

    [Test]
    public async Task A_project_without_saved_prompts_has_nothing_to_run()
    {
        var api = await DocumentApi.NewProjectAsync();

        await (await api.Actor.Client.PostAsync(Runs(api), null)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "no_test_prompts");
    }

    [Test]
    public async Task A_run_resumed_after_a_crash_evaluates_only_the_prompts_left_and_each_once()
    {
        var (api, _) = await ProjectWithBenefitsAsync();
        var runId = Guid.CreateVersion7();
        TestRunStarted started;
        await using (var scope = new UseCaseScope(api.Actor))
        {
            // What a crashed delivery left: the run started and its first prompt's verdict committed, nothing more.
            var aggregates = scope.Services.GetRequiredService<IAggregateStore>();
            started = TestRun.Start(runId, api.ProjectId,
                [(null, "How much of my glasses is covered?", TestExpectation.None), (null, "How often are dental cleanings covered?", TestExpectation.None)],
                api.Actor.UserId, DateTimeOffset.UtcNow);
            var decided = new TestRun();
            decided.ApplyEvent(started);
            aggregates.Start<TestRun>(runId, started,
                decided.Evaluate(0, "Recorded before the crash.", "answered", [], 0.9, 5, true, [], DateTimeOffset.UtcNow));
            await scope.Services.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }

        // The redelivery (the bus delivers the same event too, concurrently: either way each prompt is evaluated once).
        await using (var scope = new UseCaseScope(api.Actor))
        {
            var handler = scope.Services.GetRequiredService<ExecuteTestRunHandler>();
            var unitOfWork = scope.Services.GetRequiredService<IUnitOfWork>();
            await ConcurrencyRetry.RunAsync(async _ =>
            {
                await handler.HandleAsync(new DomainEvent<TestRunStarted>(Guid.NewGuid(), runId, 1, api.Actor.CompanyId, started.StartedAt, started,
                    IsFinalAttempt: false), CancellationToken.None);
                await unitOfWork.CommitAsync(CancellationToken.None);
                return true;
            }, unitOfWork.Reset, CancellationToken.None);
        }

        var finished = await FinishedAsync(api, runId);
        finished.GetProperty("status").GetString().Should().Be("completed");
        finished.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).Should().Equal(0, 1);
        Result(finished, 0).GetProperty("answer").GetString().Should().Be("Recorded before the crash.");
        Result(finished, 1).GetProperty("answer").GetString().Should().Contain("twice a year");
    }
}
