using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.Evaluation.ListTestPrompts;

public sealed class ListTestPromptsQueryHandler(IReadStore readStore) : IQueryHandler<ListTestPromptsQuery, IReadOnlyList<TestPromptView>>
{
    public async ValueTask<IReadOnlyList<TestPromptView>> Handle(ListTestPromptsQuery query, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(query.ProjectId, cancellationToken);
        return await readStore.LoadTestPromptsAsync(query.ProjectId, cancellationToken);
    }
}
