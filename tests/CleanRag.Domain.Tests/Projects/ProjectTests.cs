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
}
