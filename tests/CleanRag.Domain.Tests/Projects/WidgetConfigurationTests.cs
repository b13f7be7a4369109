using CleanRag.Domain.Common;
using CleanRag.Domain.Projects;

namespace CleanRag.Domain.Tests.Projects;

public class WidgetConfigurationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Project NewProject()
    {
        var project = new Project();
        project.ApplyEvent(Project.Create(Guid.NewGuid(), Guid.NewGuid(), "Support bot", null, ProjectSettings.Default, Guid.NewGuid(), Now));
        return project;
    }

    [Test]
    public void A_new_project_has_the_default_widget_named_after_the_project()
    {
        var project = NewProject();

        project.Widget.Should().Be(WidgetSettings.Default);
        project.Widget.NameFor(project.Name).Should().Be("Support bot");
    }

    [Test]
    public void Configuring_the_widget_decides_WidgetConfigured_with_the_new_settings()
    {
        var project = NewProject();
        var settings = WidgetSettings.Default with { DisplayName = "Ava", Color = "#112233", Position = WidgetPosition.BottomLeft };

        var configured = project.ConfigureWidget(settings);
        project.ApplyEvent(configured);

        configured.Should().Be(new WidgetConfigured(project.Id, settings));
        project.Widget.Should().Be(settings);
        project.Widget.NameFor(project.Name).Should().Be("Ava");
    }

    [Test]
    public void An_archived_projects_widget_cannot_be_configured()
    {
        var project = NewProject();
        project.ApplyEvent(project.Archive(Guid.NewGuid(), Now));

        project.Invoking(p => p.ConfigureWidget(WidgetSettings.Default)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("project_archived");
    }
}
