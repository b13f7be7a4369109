using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Messaging;

/// <summary>
/// The generic consumer on the real broker and database: a handler's effects and its "processed" marker commit in one
/// transaction, so a redelivered event is handled once and a failed attempt leaves nothing behind.
/// </summary>
public class DomainEventConsumerTests
{
    private static DomainEventEnvelope<ProjectRenamed> Renamed(Guid tenantId, Guid projectId, string name) =>
        new(Guid.NewGuid(), projectId, 2, 42, tenantId, DateTimeOffset.UtcNow, new ProjectRenamed(projectId, name, null));

    private static async Task<RenameCount?> CountAsync(Guid tenantId, Guid projectId)
    {
        await using var session = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(tenantId.ToString());
        return await session.LoadAsync<RenameCount>(projectId);
    }

    private static async Task<bool> MarkedAsync(Guid eventId)
    {
        await using var session = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<ProcessedMessage>($"{nameof(ProjectRenamedCounter)}:{eventId}") is not null;
    }

    [Test]
    public async Task The_same_event_delivered_twice_is_handled_once_and_another_event_still_is()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var first = Renamed(tenantId, projectId, "Renamed");
        var second = Renamed(tenantId, projectId, "Again");
        var bus = InfrastructureHost.Host.Services.GetRequiredService<IBus>();

        await bus.Publish(first);
        await Eventually.IsTrueAsync(async () => await CountAsync(tenantId, projectId) is { Count: 1 }, what: "the first rename counted");
        (await MarkedAsync(first.EventId)).Should().BeTrue("the marker commits with the effect");

        await bus.Publish(first); // the same event id again, as after a redelivery
        await bus.Publish(second);
        await Eventually.IsTrueAsync(async () => await CountAsync(tenantId, projectId) is { Count: >= 2 }, what: "the second rename counted");
        await Task.Delay(500); // give a wrongly repeated handling the chance to show up

        (await CountAsync(tenantId, projectId))!.Count.Should().Be(2);
        ProjectRenamedCounter.Runs[first.EventId].Should().Be(1, "the redelivery found the marker and did not run the handler");
    }

    [Test]
    public async Task A_handler_that_throws_leaves_neither_its_effects_nor_the_marker_and_the_retry_commits_both()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var failing = Renamed(tenantId, projectId, ProjectRenamedCounter.FailOnFirstAttempt);

        await InfrastructureHost.Host.Services.GetRequiredService<IBus>().Publish(failing);
        await Eventually.IsTrueAsync(async () => await CountAsync(tenantId, projectId) is not null, what: "the retried rename counted");
        await Task.Delay(500);

        ProjectRenamedCounter.Runs[failing.EventId].Should().Be(2, "the first attempt threw, so no marker stopped the retry");
        var count = (await CountAsync(tenantId, projectId))!;
        count.Count.Should().Be(1, "the effect staged by the failed attempt was rolled back");
        count.LastCommittedRun.Should().Be(2);
        (await MarkedAsync(failing.EventId)).Should().BeTrue();
    }
}
