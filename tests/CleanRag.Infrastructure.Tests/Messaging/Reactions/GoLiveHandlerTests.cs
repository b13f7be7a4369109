using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.GoLive;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Messaging.Reactions;

/// <summary>Projects/GoLive: a deploying project goes live with its first indexed document.</summary>
public class GoLiveHandlerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static async Task<(Guid TenantId, Guid ProjectId)> DeployingProjectAsync()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        await using (var scope = InfrastructureHost.ScopeFor(tenantId))
        {
            scope.ServiceProvider.GetRequiredService<IAggregateStore>().Start<Project>(projectId,
                Project.Create(projectId, tenantId, "Support bot", null, ProjectSettings.Default, Guid.NewGuid(), Now));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        }
        await using (var scope = InfrastructureHost.ScopeFor(tenantId))
        {
            var aggregates = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
            var project = (await aggregates.LoadForUpdateAsync<Project>(projectId, default))!;
            aggregates.Append(project, project.Deploy(hasIndexedDocument: false, Guid.NewGuid(), Now));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        }
        return (tenantId, projectId);
    }

    private static DomainEventEnvelope<DocumentIndexed> Indexed(Guid tenantId, Guid projectId)
    {
        var documentId = Guid.NewGuid();
        return new(Guid.NewGuid(), documentId, 4, 0, tenantId, Now,
            new DocumentIndexed(documentId, projectId, 1, 3, null, "hash", Reused: false, Now));
    }

    private static async Task<ProjectDetails> DetailsAsync(Guid tenantId, Guid projectId)
    {
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        return (await scope.ServiceProvider.GetRequiredService<IReadStore>().LoadAsync<ProjectDetails>(projectId, default))!;
    }

    private static async Task HandleAsync(DomainEventEnvelope<DocumentIndexed> envelope)
    {
        await using var scope = InfrastructureHost.ScopeFor(envelope.TenantId);
        await scope.ServiceProvider.GetRequiredService<GoLiveHandler>().HandleAsync(DomainEvent<DocumentIndexed>.From(envelope, false), default);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
    }

    [Test]
    public async Task A_deploying_project_goes_live_when_a_document_is_indexed_and_a_second_handling_changes_nothing()
    {
        var (tenantId, projectId) = await DeployingProjectAsync();
        (await DetailsAsync(tenantId, projectId)).Status.Should().Be(ProjectStatus.Indexing);
        var indexed = Indexed(tenantId, projectId);

        await HandleAsync(indexed);
        var live = await DetailsAsync(tenantId, projectId);
        live.Status.Should().Be(ProjectStatus.Live);

        await HandleAsync(indexed);
        await HandleAsync(Indexed(tenantId, projectId)); // a later document
        (await DetailsAsync(tenantId, projectId)).Version.Should().Be(live.Version, "a live project stays as it is");
    }

    [Test]
    public async Task Delivered_twice_over_the_bus_the_project_goes_live_once_and_the_marker_is_recorded()
    {
        var (tenantId, projectId) = await DeployingProjectAsync();
        var indexed = Indexed(tenantId, projectId);
        var bus = InfrastructureHost.Host.Services.GetRequiredService<IBus>();

        await bus.Publish(indexed);
        await bus.Publish(indexed);
        await Eventually.IsTrueAsync(async () => (await DetailsAsync(tenantId, projectId)).Status == ProjectStatus.Live, what: "the project live");
        await Task.Delay(500);

        var store = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(tenantId.ToString());
        var events = await session.Events.FetchStreamAsync(projectId);
        events.Count(e => e.Data is ProjectWentLive).Should().Be(1);
        (await session.LoadAsync<ProcessedMessage>($"{nameof(GoLiveHandler)}:{indexed.EventId}")).Should().NotBeNull();
    }
}
