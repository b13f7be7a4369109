using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.ApiKeys;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.DeployProject;

public sealed class DeployProjectCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, DocumentIngestionQueue documents, ApiKeyIssuer keys,
    DeployReadinessReader readiness, IRequestContext context, TimeProvider clock)
    : ICommandHandler<DeployProjectCommand, Deployment>
{
    public async ValueTask<Deployment> Handle(DeployProjectCommand command, CancellationToken cancellationToken)
    {
        var details = await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        // Checked before anything changes: a refused deploy leaves the project as it was.
        var before = await readiness.ReadAsync(details, cancellationToken);
        if (!before.CanDeploy)
        {
            var blocker = before.Blockers.First(b => b.PreventsDeploy);
            throw new ConflictException(blocker.Code, $"The project cannot be deployed yet: {blocker.Message}");
        }

        // Confirm uploads, queue ingestion, issue the key, revoke the earlier ones and deploy: one commit, all or nothing.
        var (sync, confirmed) = await documents.QueueIngestionAsync(details.Id, confirmReceivedUploads: true, cancellationToken);
        var previousLiveKeys = await keys.ActiveKeysAsync(details.Id, ApiKeyEnvironment.Live, cancellationToken);
        var key = keys.Issue(details.Id, $"Live key (deployed {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC)", ApiKeyEnvironment.Live);
        await keys.RevokeAsync(previousLiveKeys.Select(k => k.Id), "redeployed", cancellationToken);
        var project = await aggregates.LoadForUpdateAsync<Project>(details.Id, cancellationToken) ?? throw new NotFoundException("Project");
        aggregates.Append(project, project.Deploy(await HasIndexedDocumentAsync(project.Id, cancellationToken), context.UserId, clock.GetUtcNow()));
        await unitOfWork.CommitAsync(cancellationToken);

        await GoLiveIfIndexedMeanwhileAsync(project.Id, cancellationToken);
        var deployed = await readStore.LoadAsync<ProjectDetails>(project.Id, cancellationToken) ?? throw new NotFoundException("Project");
        return new Deployment(deployed.Id, deployed.Status, key, previousLiveKeys.Count, confirmed, sync.QueuedCount,
            await readiness.ReadAsync(deployed, cancellationToken));
    }

    /// <summary>
    /// A document indexed between the check above and the deploy's commit was seen by the go-live reaction while
    /// the project was not deploying yet; catch that case here so the project cannot stay "indexing". The deploy is
    /// committed by now, so this follow-up never makes the command run again: losing its race means the reaction won.
    /// </summary>
    private async Task GoLiveIfIndexedMeanwhileAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await aggregates.LoadForUpdateAsync<Project>(projectId, cancellationToken) ?? throw new NotFoundException("Project");
        if (project.Status != ProjectStatus.Indexing || !await HasIndexedDocumentAsync(projectId, cancellationToken)
            || project.GoLiveOnceIndexed(clock.GetUtcNow()) is not { } wentLive)
        {
            return;
        }
        aggregates.Append(project, wentLive);
        try
        {
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The go-live reaction got there first.
        }
    }

    private async Task<bool> HasIndexedDocumentAsync(Guid projectId, CancellationToken cancellationToken) =>
        (await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == projectId && d.Status == DocumentStatus.Indexed).Take(1), cancellationToken)).Count > 0;
}
