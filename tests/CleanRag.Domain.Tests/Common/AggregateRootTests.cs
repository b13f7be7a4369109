using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Projects;

namespace CleanRag.Domain.Tests.Common;

public class AggregateRootTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_stream_that_starts_with_another_aggregates_event_is_foreign()
    {
        var conversation = new Conversation();

        conversation.Invoking(c => c.ApplyEvent(Project.Create(Guid.NewGuid(), Guid.NewGuid(), "p", null, ProjectSettings.Default, Guid.NewGuid(), Now)))
            .Should().Throw<ForeignStreamException>();
    }

    [Test]
    public void An_unknown_event_inside_the_aggregates_own_stream_stays_a_bug()
    {
        var conversation = new Conversation();
        conversation.ApplyEvent(Conversation.Start(Guid.NewGuid(), Guid.NewGuid(), "v", "s", ConversationChannel.Api, false, null, Now));

        conversation.Invoking(c => c.ApplyEvent(new ProjectArchived(Guid.NewGuid(), Guid.NewGuid(), Now)))
            .Should().Throw<UnknownEventException>();
    }
}
