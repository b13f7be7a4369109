using CleanRag.Domain.Projects;

namespace CleanRag.Domain.Tests.Projects;

public class ProjectReembeddingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Project NewProject()
    {
        var project = new Project();
        project.ApplyEvent(Project.Create(Guid.NewGuid(), Guid.NewGuid(), "Support bot", null, ProjectSettings.Default, Guid.NewGuid(), Now));
        return project;
    }

    [Test]
    public void A_started_reembedding_is_not_started_again_when_resumed_after_a_restart()
    {
        var project = NewProject();

        var started = project.StartReembedding("cleanrag-hashing-v1-384", "minilm", 120, Now);
        project.ApplyEvent(started!);

        started.Should().Be(new ProjectReembeddingStarted(project.Id, "cleanrag-hashing-v1-384", "minilm", 120, Now));
        project.ReembeddingTo.Should().Be("minilm");
        project.StartReembedding("cleanrag-hashing-v1-384", "minilm", 130, Now).Should().BeNull();
    }

    [Test]
    public void A_reembedding_into_another_model_or_after_an_end_starts_anew()
    {
        var project = NewProject();
        project.ApplyEvent(project.StartReembedding("a", "b", 10, Now)!);

        project.StartReembedding("a", "c", 10, Now).Should().NotBeNull("the configured model changed again");
        project.ApplyEvent(project.FailReembedding("b", "model crashed", Now));
        project.ReembeddingTo.Should().BeNull();
        project.ApplyEvent(project.StartReembedding("a", "b", 10, Now)!);
        project.ApplyEvent(project.CompleteReembedding("b", 10, Now));
        project.ReembeddingTo.Should().BeNull();
    }
}
