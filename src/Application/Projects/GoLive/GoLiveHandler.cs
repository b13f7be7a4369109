using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Projects.GoLive;

/// <summary>
/// A deploying project goes live with its first indexed document. Idempotent by the project's own state as well as by
/// the event id: a redelivery or a later document finds it live already and changes nothing. Takes batches: a project's
/// documents indexed together load it once.
/// </summary>
public sealed class GoLiveHandler(IAggregateStore aggregates, TimeProvider clock) : IDomainEventBatchHandler<DocumentIndexed>
{
    public async Task HandleAsync(DomainEvent<DocumentIndexed> notice, CancellationToken cancellationToken)
    {
        var project = await aggregates.LoadForUpdateAsync<Project>(notice.Data.ProjectId, cancellationToken);
        if (project?.GoLiveOnceIndexed(clock.GetUtcNow()) is { } wentLive)
            aggregates.Append(project, wentLive);
    }
}
