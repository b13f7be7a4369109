using CleanRag.Application.Common.Messaging;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanRag.Infrastructure.Tests.Messaging;

/// <summary>
/// Batches of domain events on the real database: a company's events commit together with their markers, a poison
/// event fails alone while the rest of its batch commits, and a batch delivered again changes nothing.
/// </summary>
public class DomainEventBatchConsumerTests
{
    private static DomainEventEnvelope<ProjectRenamed> Renamed(Guid tenantId, Guid projectId, string name) =>
        new(Guid.NewGuid(), projectId, 2, 42, tenantId, DateTimeOffset.UtcNow, new ProjectRenamed(projectId, name, null));

    private static Task HandleBatchAsync(params DomainEventEnvelope<ProjectRenamed>[] batch) =>
        DomainEventReaction<ProjectRenamed, ProjectRenamedBatchCounter>.HandleBatchAsync(
            InfrastructureHost.Host.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger.Instance,
            batch, isFinalAttempt: false, default);

    private static async Task<int> CountAsync(Guid tenantId, Guid projectId)
    {
        await using var session = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(tenantId.ToString());
        return await session.Query<RenameRecord>().CountAsync(r => r.ProjectId == projectId);
    }

    private static async Task<bool> MarkedAsync(Guid eventId)
    {
        await using var session = InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<ProcessedMessage>($"{nameof(ProjectRenamedBatchCounter)}:{eventId}") is not null;
    }

    private static Guid[][] BatchesOf(Guid projectId) =>
        ProjectRenamedBatchCounter.Batches.TryGetValue(projectId, out var batches) ? [.. batches] : [];

    [Test]
    public async Task A_batch_is_handled_together_and_committed_with_every_marker()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var batch = new[] { Renamed(tenantId, projectId, "A"), Renamed(tenantId, projectId, "B"), Renamed(tenantId, projectId, "C") };

        await HandleBatchAsync(batch);

        (await CountAsync(tenantId, projectId)).Should().Be(3);
        BatchesOf(projectId).Should().ContainSingle().Which.Should().Equal(batch.Select(e => e.EventId));
        foreach (var envelope in batch)
            (await MarkedAsync(envelope.EventId)).Should().BeTrue();
    }

    [Test]
    public async Task A_batch_delivered_again_changes_nothing_and_its_new_events_are_still_handled()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var first = new[] { Renamed(tenantId, projectId, "A"), Renamed(tenantId, projectId, "B") };
        await HandleBatchAsync(first);

        var later = Renamed(tenantId, projectId, "C");
        await HandleBatchAsync([.. first, later, first[0]]); // redelivered, with a new event and a duplicate in the batch

        (await CountAsync(tenantId, projectId)).Should().Be(3);
        BatchesOf(projectId).Should().HaveCount(2);
        BatchesOf(projectId)[1].Should().Equal([later.EventId], "the events already marked are not handed to the handler again");
    }

    [Test]
    public async Task A_poison_event_fails_alone_and_the_rest_of_its_batch_commits()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var poison = Renamed(tenantId, projectId, ProjectRenamedBatchCounter.Poison);
        var good = new[] { Renamed(tenantId, projectId, "A"), Renamed(tenantId, projectId, "B"), Renamed(tenantId, projectId, "C") };

        var handling = () => HandleBatchAsync(good[0], poison, good[1], good[2]);

        await handling.Should().ThrowAsync<InvalidOperationException>("the message fails, so MassTransit retries it and then parks it");
        (await CountAsync(tenantId, projectId)).Should().Be(3, "the batch's staged effects were rolled back, then each good event committed once");
        foreach (var envelope in good)
            (await MarkedAsync(envelope.EventId)).Should().BeTrue();
        (await MarkedAsync(poison.EventId)).Should().BeFalse();

        // The retry of the message hands only the poison event to the handler, which fails again, changing nothing.
        await handling.Should().ThrowAsync<InvalidOperationException>();
        (await CountAsync(tenantId, projectId)).Should().Be(3);
        BatchesOf(projectId)[^1].Should().Equal([poison.EventId]);
    }

    [Test]
    public async Task Each_company_of_a_batch_commits_in_its_own_transaction()
    {
        var (tenantA, tenantB) = (Guid.NewGuid(), Guid.NewGuid());
        var (projectA, projectB) = (Guid.NewGuid(), Guid.NewGuid());

        var handling = () => HandleBatchAsync(Renamed(tenantA, projectA, "A"), Renamed(tenantB, projectB, ProjectRenamedBatchCounter.Poison),
            Renamed(tenantA, projectA, "B"));

        await handling.Should().ThrowAsync<InvalidOperationException>();

        (await CountAsync(tenantA, projectA)).Should().Be(2, "company A's events were handled together, untouched by B's failure");
        BatchesOf(projectA).Should().ContainSingle().Which.Should().HaveCount(2);
        (await CountAsync(tenantB, projectB)).Should().Be(0);
    }

    [Test]
    public async Task Events_published_on_the_bus_reach_the_batching_handler_once_each()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        var bus = InfrastructureHost.Host.Services.GetRequiredService<IBus>();
        var events = Enumerable.Range(0, 5).Select(i => Renamed(tenantId, projectId, $"Name {i}")).ToList();

        foreach (var envelope in events)
            await bus.Publish(envelope);
        await bus.Publish(events[0]); // a redelivery

        await Eventually.IsTrueAsync(async () => await CountAsync(tenantId, projectId) == 5, what: "every rename counted");
        await Task.Delay(500); // give a wrongly repeated handling the chance to show up
        (await CountAsync(tenantId, projectId)).Should().Be(5);
        foreach (var envelope in events)
            (await MarkedAsync(envelope.EventId)).Should().BeTrue();
    }
}
