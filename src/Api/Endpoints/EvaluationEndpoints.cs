using CleanRag.Api.Json;
using CleanRag.Api.OpenApi;
using CleanRag.Application.Evaluation;
using CleanRag.Application.Evaluation.AddTestPrompt;
using CleanRag.Application.Evaluation.ChangeTestPrompt;
using CleanRag.Application.Evaluation.GetTestRun;
using CleanRag.Application.Evaluation.ListTestPrompts;
using CleanRag.Application.Evaluation.ListTestRuns;
using CleanRag.Application.Evaluation.RemoveTestPrompt;
using CleanRag.Application.Evaluation.StartTestRun;
using CleanRag.Application.Evaluation.SuggestTestPrompts;
using Mediator;

namespace CleanRag.Api.Endpoints;

/// <summary>Evaluation built in: a project's saved test prompts, and test runs of them through the project's chat.</summary>
internal static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var prompts = app.MapGroup("/v1/projects/{projectId:guid}/test-prompts").WithTags("Evaluation")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        prompts.MapGet("/", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTestPromptsQuery(projectId), ct)))
            .WithSummary("The project's saved test prompts, oldest first.");

        prompts.MapPost("/", async (Guid projectId, TestPromptRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var prompt = await mediator.Send(new AddTestPromptCommand(projectId, body.Question, body.ExpectedDocumentId.Value,
                    body.ExpectedDocument.Value, body.ExpectedPage.Value, body.MustContain.Value, body.MustRefuse.Value), ct);
                return TypedResults.Created($"/v1/projects/{projectId}/test-prompts/{prompt.Id}", prompt);
            })
            .WithSummary("Save a test prompt (admin): a question and what a good answer must show — an expected document (and page), " +
                         "words it must contain, or mustRefuse.")
            .ProducesErrors(409);

        prompts.MapGet("/suggested", async (Guid projectId, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SuggestTestPromptsQuery(projectId, limit ?? 10), ct)))
            .WithSummary("Prompts proposed from the project's indexed documents (headings and key sentences); nothing is saved until POSTed.");

        prompts.MapPatch("/{promptId:guid}", async (Guid projectId, Guid promptId, TestPromptRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeTestPromptCommand(projectId, promptId, body.Question, body.ChangesExpectation,
                    body.ExpectedDocumentId.Value, body.ExpectedDocument.Value, body.ExpectedPage.Value, body.MustContain.Value,
                    body.MustRefuse.Value), ct)))
            .WithSummary("Change the question, or the expectation: any expectation field sent replaces the whole expectation.")
            .ProducesErrors(409);

        prompts.MapDelete("/{promptId:guid}", async (Guid projectId, Guid promptId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveTestPromptCommand(projectId, promptId), ct);
                return TypedResults.NoContent();
            })
            .ProducesErrors(409);

        var runs = app.MapGroup("/v1/projects/{projectId:guid}/test-runs").WithTags("Evaluation")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        runs.MapPost("/", async (Guid projectId, TestRunRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var run = await mediator.Send(new StartTestRunCommand(projectId, body?.PromptIds, body?.Prompts), ct);
                return TypedResults.Accepted($"/v1/projects/{projectId}/test-runs/{run.Id}", run);
            })
            .WithSummary("Queue a run (admin) of saved prompts (promptIds), ad-hoc prompts, or, with neither, every saved prompt, through " +
                         "the project's current settings; it runs in the background.")
            .ProducesErrors(409);

        runs.MapGet("/", async (Guid projectId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTestRunsQuery(projectId, page ?? 1, pageSize ?? 20), ct)))
            .WithSummary("The project's test runs, newest first: status and pass/fail counts.");

        runs.MapGet("/{runId:guid}", async (Guid projectId, Guid runId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTestRunQuery(projectId, runId), ct)))
            .WithSummary("A run with each prompt's answer, sources, confidence, latency and verdict, compared with the previous completed run.");
        return app;
    }

    /// <summary>
    /// The body of POST and PATCH. On PATCH an absent question stays; sending any expectation field replaces the expectation as a
    /// whole (what a good answer must show is one statement).
    /// </summary>
    private sealed record TestPromptRequest(
        string? Question, PatchField<Guid?> ExpectedDocumentId, PatchField<string> ExpectedDocument, PatchField<int?> ExpectedPage,
        PatchField<IReadOnlyList<string>> MustContain, PatchField<bool?> MustRefuse)
    {
        public bool ChangesExpectation =>
            ExpectedDocumentId.IsSet || ExpectedDocument.IsSet || ExpectedPage.IsSet || MustContain.IsSet || MustRefuse.IsSet;
    }

    private sealed record TestRunRequest(IReadOnlyList<Guid>? PromptIds, IReadOnlyList<TestPromptInput>? Prompts);
}
