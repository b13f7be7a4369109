using CleanRag.Domain.Common;
using CleanRag.Domain.Projects;

namespace CleanRag.Domain.Tests.Projects;

public class ProjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Project NewProject()
    {
        var project = new Project();
        project.ApplyEvent(Project.Create(Guid.NewGuid(), Guid.NewGuid(), "  Support bot ", " Help centre ", ProjectSettings.Default, Guid.NewGuid(), Now));
        return project;
    }

    [Test]
    public void A_new_project_is_a_draft_with_trimmed_name_and_description()
    {
        var project = NewProject();

        project.Status.Should().Be(ProjectStatus.Draft);
        project.Name.Should().Be("Support bot");
        project.Description.Should().Be("Help centre");
    }

    [Test]
    public void Renaming_changes_name_and_description()
    {
        var project = NewProject();

        project.ApplyEvent(project.Rename("Sales bot", null));

        project.Name.Should().Be("Sales bot");
        project.Description.Should().BeNull();
    }

    [Test]
    public void An_archived_project_cannot_be_renamed_or_archived_again()
    {
        var project = NewProject();
        project.ApplyEvent(project.Archive(Guid.NewGuid(), Now));

        project.Status.Should().Be(ProjectStatus.Archived);
        project.Invoking(p => p.Rename("x", null)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("project_archived");
        project.Invoking(p => p.Archive(Guid.NewGuid(), Now)).Should().Throw<DomainRuleViolationException>();
    }

    [Test]
    public void Deploying_without_an_indexed_document_waits_in_indexing_until_the_first_one()
    {
        var project = NewProject();

        foreach (var e in project.Deploy(hasIndexedDocument: false, Guid.NewGuid(), Now))
            project.ApplyEvent(e);

        project.Status.Should().Be(ProjectStatus.Indexing);
        var wentLive = project.GoLiveOnceIndexed(Now);
        wentLive.Should().NotBeNull();
        project.ApplyEvent(wentLive!);
        project.Status.Should().Be(ProjectStatus.Live);
        project.GoLiveOnceIndexed(Now).Should().BeNull("a live project does not go live again");
    }

    [Test]
    public void Deploying_with_an_indexed_document_or_redeploying_a_live_project_is_live_at_once()
    {
        var project = NewProject();
        project.Deploy(hasIndexedDocument: true, Guid.NewGuid(), Now).Select(e => e.GetType()).Should()
            .Equal(typeof(ProjectDeploymentStarted), typeof(ProjectWentLive));
        foreach (var e in project.Deploy(hasIndexedDocument: true, Guid.NewGuid(), Now))
            project.ApplyEvent(e);

        project.Deploy(hasIndexedDocument: false, Guid.NewGuid(), Now).Select(e => e.GetType()).Should()
            .Equal(typeof(ProjectDeploymentStarted), typeof(ProjectWentLive));
        NewProject().GoLiveOnceIndexed(Now).Should().BeNull("a draft goes live only through a deploy");
    }

    [Test]
    public void An_archived_project_cannot_be_deployed()
    {
        var project = NewProject();
        project.ApplyEvent(project.Archive(Guid.NewGuid(), Now));

        project.Invoking(p => p.Deploy(true, Guid.NewGuid(), Now)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("project_archived");
    }
}
