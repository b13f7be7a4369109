using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects.ReembedProject;
using CleanRag.Application.Search;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectEmbedding;

public sealed class GetProjectEmbeddingQueryHandler(
    IReadStore readStore, ISearchIndex index, IEmbeddingModels models, ReembeddingProgress progress)
    : IQueryHandler<GetProjectEmbeddingQuery, ProjectEmbedding>
{
    public async ValueTask<ProjectEmbedding> Handle(GetProjectEmbeddingQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken)
                      ?? throw new NotFoundException("Project");
        var space = await index.GetEmbeddingSpaceAsync(new ProjectScope(project.CompanyId, project.Id), cancellationToken);
        var target = models.ActiveModelId;
        var run = progress.Of(project.Id);
        // Between the promotion and the recorded completion the project still shows "reembedding": "current" means
        // the history says so too.
        if (space is not null && space.ModelId == target && run is { Failure: null, Completed: false } && run.ToModel == target)
            return new ProjectEmbedding(space.ModelId, space.Dimensions, "reembedding", target, run.Done, run.Total, null);
        if (space is null || space.ModelId == target)
        {
            // After a re-embedding into this space, what it did (done = total).
            var finished = run is { Failure: null } && run.ToModel == space?.ModelId ? run : null;
            return new ProjectEmbedding(space?.ModelId, space?.Dimensions, "current", null, finished?.Done, finished?.Total, null);
        }
        return run switch
        {
            { Failure: { } failure } running => new(space.ModelId, space.Dimensions, "failed", target, running.Done, running.Total, failure),
            { } running => new(space.ModelId, space.Dimensions, "reembedding", target, running.Done, running.Total, null),
            null => new(space.ModelId, space.Dimensions, "pending", target, null, null, null),
        };
    }
}
