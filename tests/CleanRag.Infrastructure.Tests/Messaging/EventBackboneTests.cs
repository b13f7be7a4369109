using CleanRag.Application.Activity;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.CreateProject;
using CleanRag.Domain.Projects;
using CleanRag.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Messaging;

/// <summary>The write path end to end on real PostgreSQL and RabbitMQ.</summary>
public class EventBackboneTests
{
    [Test]
    public async Task A_command_is_stored_then_forwarded_to_RabbitMQ_and_projected()
    {
        var (tenantId, userId) = await InfrastructureHost.NewCompanyAsync();
        Guid projectId;
        await using (var scope = InfrastructureHost.ScopeFor(tenantId, userId))
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            projectId = (await mediator.Send(new CreateProjectCommand("Support bot", "FAQ"))).Id;
        }

        // Forwarded by the daemon's subscription, received by a consumer over RabbitMQ.
        var envelope = await Eventually.GetAsync(
            () => Task.FromResult(ProjectCreatedProbe.Received.GetValueOrDefault(projectId)), what: "ProjectCreated on the bus");
        envelope.TenantId.Should().Be(tenantId);
        envelope.Version.Should().Be(1);
        envelope.Data.Name.Should().Be("Support bot");

        await using (var scope = InfrastructureHost.ScopeFor(tenantId))
        {
            var readStore = scope.ServiceProvider.GetRequiredService<IReadStore>();

            // Inline projection: readable as soon as the command returned.
            var details = await readStore.LoadAsync<ProjectDetails>(projectId, CancellationToken.None);
            details!.Status.Should().Be(ProjectStatus.Draft);

            // Async projection run by the daemon: the activity line of the same stored event.
            var activity = await Eventually.GetAsync(
                () => readStore.LoadAsync<ActivityEntry>(envelope.EventId, CancellationToken.None), what: "activity entry");
            activity.StreamId.Should().Be(projectId);
            activity.EventType.Should().Be("project_created");
            activity.ActorId.Should().Be(userId);
        }
    }

    [Test]
    public async Task Invalid_commands_are_rejected_before_anything_is_stored()
    {
        await using var scope = InfrastructureHost.ScopeFor(Guid.NewGuid());
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var act = async () => await mediator.Send(new CreateProjectCommand(" ", null));

        await act.Should().ThrowAsync<Application.Common.Exceptions.RequestValidationException>();
    }
}
