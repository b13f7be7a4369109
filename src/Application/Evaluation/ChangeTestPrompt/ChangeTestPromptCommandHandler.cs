using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Evaluation;
using Mediator;

namespace CleanRag.Application.Evaluation.ChangeTestPrompt;

public sealed class ChangeTestPromptCommandHandler(IAggregateStore aggregates, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<ChangeTestPromptCommand, TestPromptView>
{
    public async ValueTask<TestPromptView> Handle(ChangeTestPromptCommand command, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(command.ProjectId, cancellationToken);
        var suite = await aggregates.LoadForUpdateAsync<TestSuite>(TestSuiteIds.For(command.ProjectId), cancellationToken);
        var prompt = suite?.Find(command.PromptId) ?? throw new NotFoundException("Test prompt");
        if (command.ReplacesExpectation)
            await readStore.EnsureExpectedDocumentsExistAsync(command.ProjectId, [("expectedDocumentId", command.ExpectedDocumentId)], cancellationToken);

        var changed = suite!.Change(prompt.Id, command.Question ?? prompt.Question,
            command.ReplacesExpectation ? command.Expectation() : prompt.Expectation, context.UserId, clock.GetUtcNow());
        aggregates.Append(suite, changed);
        var saved = (await readStore.LoadTestPromptsAsync(command.ProjectId, cancellationToken)).First(p => p.Id == prompt.Id);
        return TestPromptView.Of(prompt.Id, changed.Question, changed.Expectation, saved.CreatedAt, changed.ChangedAt);
    }
}
