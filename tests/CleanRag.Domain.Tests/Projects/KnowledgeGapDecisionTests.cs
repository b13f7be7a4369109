using CleanRag.Domain.Common;
using CleanRag.Domain.Projects;

namespace CleanRag.Domain.Tests.Projects;

public class KnowledgeGapDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Project NewProject()
    {
        var project = new Project();
        project.ApplyEvent(Project.Create(Guid.NewGuid(), Guid.NewGuid(), "Support", null, ProjectSettings.Default, Guid.NewGuid(), Now));
        return project;
    }

    [Test]
    public void A_gap_is_dismissed_once()
    {
        var project = NewProject();
        var gap = Guid.NewGuid();
        var admin = Guid.NewGuid();

        var dismissed = project.DismissKnowledgeGap(gap, admin, Now);
        project.ApplyEvent(dismissed);

        dismissed.Should().Be(new KnowledgeGapDismissed(project.Id, gap, admin, Now));
        project.Invoking(p => p.DismissKnowledgeGap(gap, admin, Now)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("knowledge_gap_already_dismissed");
        project.Invoking(p => p.DismissKnowledgeGap(Guid.NewGuid(), admin, Now)).Should().NotThrow("another gap is still open");
    }

    [Test]
    public void Marking_a_gap_done_can_be_repeated_and_takes_back_a_dismissal()
    {
        var project = NewProject();
        var gap = Guid.NewGuid();
        project.ApplyEvent(project.DismissKnowledgeGap(gap, Guid.NewGuid(), Now));

        project.ApplyEvent(project.ResolveKnowledgeGap(gap, Guid.NewGuid(), Now));
        var again = project.ResolveKnowledgeGap(gap, Guid.NewGuid(), Now.AddDays(3));

        again.At.Should().Be(Now.AddDays(3));
        project.Invoking(p => p.DismissKnowledgeGap(gap, Guid.NewGuid(), Now)).Should().NotThrow("it was marked done since");
    }

    [Test]
    public void An_archived_project_takes_no_gap_decisions()
    {
        var project = NewProject();
        project.ApplyEvent(project.Archive(Guid.NewGuid(), Now));

        project.Invoking(p => p.DismissKnowledgeGap(Guid.NewGuid(), Guid.NewGuid(), Now)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("project_archived");
        project.Invoking(p => p.ResolveKnowledgeGap(Guid.NewGuid(), Guid.NewGuid(), Now)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("project_archived");
    }
}
