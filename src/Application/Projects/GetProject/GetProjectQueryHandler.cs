using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Projects.GetProject;

public sealed class GetProjectQueryHandler(IReadStore readStore) : IQueryHandler<GetProjectQuery, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(GetProjectQuery query, CancellationToken cancellationToken) =>
        await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken)
        ?? throw new NotFoundException("Project");
}
