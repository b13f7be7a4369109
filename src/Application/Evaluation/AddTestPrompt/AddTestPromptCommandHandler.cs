using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Evaluation;
using Mediator;

namespace CleanRag.Application.Evaluation.AddTestPrompt;

public sealed class AddTestPromptCommandHandler(IAggregateStore aggregates, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<AddTestPromptCommand, TestPromptView>
{
    public async ValueTask<TestPromptView> Handle(AddTestPromptCommand command, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(command.ProjectId, cancellationToken);
        await readStore.EnsureExpectedDocumentsExistAsync(command.ProjectId, [("expectedDocumentId", command.ExpectedDocumentId)], cancellationToken);

        var suiteId = TestSuiteIds.For(command.ProjectId);
        var suite = await aggregates.LoadForUpdateAsync<TestSuite>(suiteId, cancellationToken);
        var added = (suite ?? new TestSuite()).Add(command.ProjectId, Guid.CreateVersion7(), command.Question!, command.Expectation(),
            context.UserId, clock.GetUtcNow());
        if (suite is null)
            aggregates.Start<TestSuite>(suiteId, added);
        else
            aggregates.Append(suite, added);
        return TestPromptView.Of(added.PromptId, added.Question, added.Expectation, added.AddedAt, added.AddedAt);
    }
}
