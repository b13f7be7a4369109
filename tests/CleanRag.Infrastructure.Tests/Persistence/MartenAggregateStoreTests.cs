using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Persistence;

/// <summary>Load for update → decide → append, committed once by the unit of work with the version read.</summary>
public class MartenAggregateStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static async Task<(Guid TenantId, Guid ProjectId)> CreateProjectAsync()
    {
        var tenantId = Guid.NewGuid();
        var projectId = Guid.NewGuid();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        scope.ServiceProvider.GetRequiredService<IAggregateStore>()
            .Start<Project>(projectId, Project.Create(projectId, tenantId, "Support bot", null, ProjectSettings.Default, Guid.NewGuid(), Now));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        return (tenantId, projectId);
    }

    [Test]
    public async Task Nothing_is_written_before_the_unit_of_work_commits_and_everything_is_after()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
        var reader = scope.ServiceProvider.GetRequiredService<IReadStore>();

        var project = (await store.LoadForUpdateAsync<Project>(projectId, default))!;
        store.Append(project, project.Rename("Renamed", null));
        store.Append(project, project.Rename("Renamed twice", "decided on the state the first change left"));

        project.Name.Should().Be("Renamed twice", "appended events are applied to the aggregate");
        (await reader.LoadAsync<ProjectDetails>(projectId, default))!.Name.Should().Be("Support bot");
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        var stored = (await reader.LoadAsync<ProjectDetails>(projectId, default))!;
        stored.Name.Should().Be("Renamed twice");
        stored.Version.Should().Be(3);
    }

    [Test]
    public async Task Loading_again_in_the_same_unit_of_work_gives_the_same_aggregate_with_its_staged_events()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();

        var project = (await store.LoadForUpdateAsync<Project>(projectId, default))!;
        store.Append(project, project.Rename("Renamed", null));
        var again = (await store.LoadForUpdateAsync<Project>(projectId, default))!;
        store.Append(again, again.Rename("Renamed twice", null));

        again.Should().BeSameAs(project, "a second handle on the stream would conflict with the first at the commit");
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        var stored = (await scope.ServiceProvider.GetRequiredService<IReadStore>().LoadAsync<ProjectDetails>(projectId, default))!;
        stored.Name.Should().Be("Renamed twice");
        stored.Version.Should().Be(3);
    }

    [Test]
    public async Task Several_aggregates_load_in_the_order_asked_with_null_for_a_missing_one_and_commit_together()
    {
        var (tenantId, first) = await CreateProjectAsync();
        Guid second;
        await using (var setUp = InfrastructureHost.ScopeFor(tenantId))
        {
            second = Guid.NewGuid();
            setUp.ServiceProvider.GetRequiredService<IAggregateStore>()
                .Start<Project>(second, Project.Create(second, tenantId, "Second bot", null, ProjectSettings.Default, Guid.NewGuid(), Now));
            await setUp.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        }
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();

        var projects = await store.LoadManyForUpdateAsync<Project>([second, Guid.NewGuid(), first], default);

        projects.Select(p => p?.Name).Should().Equal("Second bot", null, "Support bot");
        foreach (var project in projects.OfType<Project>())
            store.Append(project, project.Rename($"{project.Name}, renamed", null));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        var reader = scope.ServiceProvider.GetRequiredService<IReadStore>();
        (await reader.LoadAsync<ProjectDetails>(first, default))!.Name.Should().Be("Support bot, renamed");
        (await reader.LoadAsync<ProjectDetails>(second, default))!.Name.Should().Be("Second bot, renamed");
    }

    [Test]
    public async Task A_change_committed_by_someone_else_since_the_load_is_a_concurrency_conflict()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var mine = InfrastructureHost.ScopeFor(tenantId);
        var store = mine.ServiceProvider.GetRequiredService<IAggregateStore>();
        var project = (await store.LoadForUpdateAsync<Project>(projectId, default))!;

        await using (var theirs = InfrastructureHost.ScopeFor(tenantId))
        {
            var other = theirs.ServiceProvider.GetRequiredService<IAggregateStore>();
            var sameProject = (await other.LoadForUpdateAsync<Project>(projectId, default))!;
            other.Append(sameProject, sameProject.Rename("Theirs", null));
            await theirs.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);
        }
        store.Append(project, project.Rename("Mine", null));

        var commit = () => mine.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);

        await commit.Should().ThrowAsync<ConcurrencyConflictException>();
    }

    [Test]
    public async Task Starting_a_stream_whose_id_is_taken_is_a_concurrency_conflict()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        scope.ServiceProvider.GetRequiredService<IAggregateStore>()
            .Start<Project>(projectId, Project.Create(projectId, tenantId, "Twin", null, ProjectSettings.Default, Guid.NewGuid(), Now));

        var commit = () => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(default);

        await commit.Should().ThrowAsync<ConcurrencyConflictException>();
    }

    [Test]
    public async Task Another_kind_of_stream_or_another_tenants_stream_is_not_found()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();

        (await store.LoadForUpdateAsync<Conversation>(projectId, default)).Should().BeNull();
        (await store.ForTenant(Guid.NewGuid()).LoadForUpdateAsync<Project>(projectId, default)).Should().BeNull();
    }

    [Test]
    public async Task Appending_for_an_aggregate_not_loaded_for_update_is_a_programming_error()
    {
        var (tenantId, projectId) = await CreateProjectAsync();
        await using var scope = InfrastructureHost.ScopeFor(tenantId);
        var project = (await scope.ServiceProvider.GetRequiredService<IEventStore>().LoadAsync<Project>(projectId, default))!;

        var append = () => scope.ServiceProvider.GetRequiredService<IAggregateStore>().Append(project, project.Rename("Sneaky", null));

        append.Should().Throw<InvalidOperationException>();
    }
}
