using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Evaluation;
using Mediator;

namespace CleanRag.Application.Evaluation.RemoveTestPrompt;

public sealed class RemoveTestPromptCommandHandler(IAggregateStore aggregates, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<RemoveTestPromptCommand>
{
    public async ValueTask<Unit> Handle(RemoveTestPromptCommand command, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(command.ProjectId, cancellationToken);
        var suite = await aggregates.LoadForUpdateAsync<TestSuite>(TestSuiteIds.For(command.ProjectId), cancellationToken);
        if (suite?.Find(command.PromptId) is null)
            throw new NotFoundException("Test prompt");
        aggregates.Append(suite, suite.Remove(command.PromptId, context.UserId, clock.GetUtcNow()));
        return Unit.Value;
    }
}
