using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Evaluation;
using Mediator;

namespace CleanRag.Application.Evaluation.StartTestRun;

public sealed class StartTestRunCommandHandler(IAggregateStore aggregates, IEventStore events, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<StartTestRunCommand, TestRunSummary>
{
    public async ValueTask<TestRunSummary> Handle(StartTestRunCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        var saved = await events.LoadAsync<TestSuite>(TestSuiteIds.For(command.ProjectId), cancellationToken);
        var adHoc = command.Prompts ?? [];
        await readStore.EnsureExpectedDocumentsExistAsync(command.ProjectId,
            adHoc.Select((p, i) => ($"prompts[{i}].expectedDocumentId", p.ExpectedDocumentId)), cancellationToken);

        var prompts = new List<(Guid? PromptId, string Question, TestExpectation Expectation)>();
        if (command.PromptIds is null && adHoc.Count == 0)
            prompts.AddRange(saved?.Prompts.Select(p => ((Guid?)p.Id, p.Question, p.Expectation)) ?? []);
        foreach (var (promptId, index) in (command.PromptIds ?? []).Select((id, i) => (id, i)))
        {
            var prompt = saved?.Find(promptId) ?? throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [$"promptIds[{index}]"] = ["The project has no such test prompt."],
            });
            prompts.Add((prompt.Id, prompt.Question, prompt.Expectation));
        }
        prompts.AddRange(adHoc.Select(p => ((Guid?)null, p.Question!, p.Expectation())));

        var runId = Guid.CreateVersion7();
        var started = TestRun.Start(runId, command.ProjectId, prompts, context.UserId, clock.GetUtcNow());
        aggregates.Start<TestRun>(runId, started);
        return new TestRunSummary(runId, command.ProjectId, TestRunStatus.Queued, started.Prompts.Count, 0, 0, 0, null, started.StartedAt, null);
    }
}
