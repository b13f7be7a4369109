using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Projects.GetDeployReadiness;

public sealed class GetDeployReadinessQueryHandler(IReadStore readStore, DeployReadinessReader readiness)
    : IQueryHandler<GetDeployReadinessQuery, DeployReadiness>
{
    public async ValueTask<DeployReadiness> Handle(GetDeployReadinessQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        return await readiness.ReadAsync(project, cancellationToken);
    }
}
