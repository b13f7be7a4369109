using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.ApiKeys;
using Mediator;

namespace CleanRag.Application.Projects.GetDeployReadiness;

public sealed class GetDeployReadinessQueryHandler(IReadStore readStore, ApiKeyIssuer keys) : IQueryHandler<GetDeployReadinessQuery, DeployReadiness>
{
    public async ValueTask<DeployReadiness> Handle(GetDeployReadinessQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var documents = await readStore.ListAsync<DocumentDetails>(q => q.Where(d => d.ProjectId == project.Id), cancellationToken);
        var liveKeys = await keys.ActiveKeysAsync(project.Id, ApiKeyEnvironment.Live, cancellationToken);
        return DeployReadiness.Evaluate(project, documents, liveKeys.Count > 0);
    }
}
