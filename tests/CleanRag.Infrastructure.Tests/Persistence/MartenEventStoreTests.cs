using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Persistence;

public class MartenEventStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static async Task<(Guid TenantId, Guid ProjectId)> CreateProjectAsync(string name = "Support bot")
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        await store.StartStreamAsync<Project>(projectId, [Project.Create(projectId, tenantId, name, null, ProjectSettings.Default, Guid.NewGuid(), Now)], default);
        return (tenantId, projectId);
    }

    [Test]
    public async Task Appending_with_a_stale_version_is_a_concurrency_conflict()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        var project = (await store.LoadAsync<Project>(projectId, default))!;
        await store.AppendAsync(projectId, project.Version, [project.Rename("First", null)], default);

        await using var other = InfrastructureHost.ScopeFor(tenantId);
        var act = () => other.ServiceProvider.GetRequiredService<IEventStore>()
            .AppendAsync(projectId, project.Version, [project.Rename("Second", null)], default);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
    }

    [Test]
    public async Task Starting_a_stream_that_exists_is_a_concurrency_conflict()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);

        var act = () => scope.ServiceProvider.GetRequiredService<IEventStore>().StartStreamAsync<Project>(
            projectId, [Project.Create(projectId, tenantId, "Twin", null, ProjectSettings.Default, Guid.NewGuid(), Now)], default);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
    }

    [Test]
    public async Task An_aggregate_can_be_read_as_it_stood_at_an_earlier_version()
    {
        var (tenantId, projectId) = await CreateProjectAsync("Original");
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        var project = (await store.LoadAsync<Project>(projectId, default))!;
        await store.AppendAsync(projectId, 1, [project.Rename("Renamed", null)], default);

        (await store.LoadAsync<Project>(projectId, default))!.Name.Should().Be("Renamed");
        var past = await store.LoadAtVersionAsync<Project>(projectId, 1, default);
        past!.Name.Should().Be("Original");
        past.Version.Should().Be(1);
        (await store.ReadStreamAsync(projectId, default)).Select(e => e.Type)
            .Should().Equal("project_created", "project_renamed");
    }

    [Test]
    public async Task Another_tenant_sees_neither_the_stream_nor_its_read_model()
    {
        var (_, projectId) = await CreateProjectAsync();
        await using var stranger = InfrastructureHost.ScopeFor(Guid.NewGuid());

        (await stranger.ServiceProvider.GetRequiredService<IEventStore>().LoadAsync<Project>(projectId, default)).Should().BeNull();
        (await stranger.ServiceProvider.GetRequiredService<IReadStore>().LoadAsync<ProjectDetails>(projectId, default)).Should().BeNull();
        (await stranger.ServiceProvider.GetRequiredService<IReadStore>()
            .ListAsync<ProjectDetails>(q => q.Where(p => p.Id == projectId), default)).Should().BeEmpty();
    }
}
