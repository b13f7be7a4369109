using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.ArchiveProject;
using CleanRag.Application.Projects.CreateProject;
using CleanRag.Application.Projects.UpdateProject;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Projects;

namespace CleanRag.Api.Tests.Projects;

/// <summary>The project use cases through the mediator, with the roles and versions the pipeline enforces.</summary>
public class ProjectCommandTests
{
    [Test]
    public async Task A_member_creates_a_project_and_an_admin_changes_it_at_the_version_they_read()
    {
        var owner = await TestActors.NewOwnerAsync();
        ProjectDetails created;
        await using (var member = new UseCaseScope(owner, CompanyRole.Member))
            created = await member.Mediator.Send(new CreateProjectCommand("Support", "Answers customers"));
        await using var admin = new UseCaseScope(owner, CompanyRole.Admin);

        var renamed = await admin.Mediator.Send(new UpdateProjectCommand(created.Id, created.Version, "Help desk", null, null));

        renamed.Name.Should().Be("Help desk");
        renamed.Description.Should().Be("Answers customers");
        renamed.Version.Should().Be(created.Version + 1);
    }

    [Test]
    public async Task A_change_made_on_a_stale_read_is_a_concurrency_conflict_and_changes_nothing()
    {
        var owner = await TestActors.NewOwnerAsync();
        await using var admin = new UseCaseScope(owner, CompanyRole.Admin);
        var created = await admin.Mediator.Send(new CreateProjectCommand("Support", null));
        await admin.Mediator.Send(new UpdateProjectCommand(created.Id, created.Version, "First", null, null));

        var stale = async () => await admin.Mediator.Send(new UpdateProjectCommand(created.Id, created.Version, "Second", null, null));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        (await admin.Mediator.Send(new Application.Projects.GetProject.GetProjectQuery(created.Id))).Name.Should().Be("First");
    }

    [Test]
    public async Task A_member_may_not_archive_and_an_archived_project_takes_no_settings()
    {
        var owner = await TestActors.NewOwnerAsync();
        await using var admin = new UseCaseScope(owner, CompanyRole.Admin);
        var created = await admin.Mediator.Send(new CreateProjectCommand("Support", null));
        await using (var member = new UseCaseScope(owner, CompanyRole.Member))
        {
            var archive = async () => await member.Mediator.Send(new ArchiveProjectCommand(created.Id));
            await archive.Should().ThrowAsync<ForbiddenException>();
        }

        var archived = await admin.Mediator.Send(new ArchiveProjectCommand(created.Id));
        archived.Status.Should().Be(ProjectStatus.Archived);
        var rename = async () => await admin.Mediator.Send(new UpdateProjectCommand(created.Id, null, "Revived", null, null));
        (await rename.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("project_archived");
    }
}
