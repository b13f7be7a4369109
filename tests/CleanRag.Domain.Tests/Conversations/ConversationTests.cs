using CleanRag.Domain.Conversations;

namespace CleanRag.Domain.Tests.Conversations;

public class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_conversation_records_each_question_and_what_became_of_it()
    {
        var conversation = new Conversation();
        var id = Guid.NewGuid();
        conversation.ApplyEvent(Conversation.Start(id, Guid.NewGuid(), "visitor-1", "session-1", ConversationChannel.Api, false, null, Now));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        conversation.ApplyEvent(conversation.Ask(first, "Are glasses covered?", "glasses covered", Now));
        conversation.ApplyEvent(new AnswerGiven(id, first, "Yes [1]", [new CitedSource(1, Guid.NewGuid(), "plan.pdf", "Glasses…", 3, 0.9)],
            0.8, "m", 12, 100, 3, Now));
        conversation.ApplyEvent(conversation.Ask(second, "Can I talk to a human?", "talk human", Now));
        conversation.ApplyEvent(new EscalationRequested(id, second, "visitor asked for a person", null, null, Now));

        conversation.Turns.Select(t => t.Outcome).Should().Equal("answered", "escalated");
        conversation.Turns[0].Sources.Single().PageNumber.Should().Be(3);
        conversation.EscalationRequested.Should().BeTrue();
        conversation.Version.Should().Be(5);
    }

    [Test]
    public void Feedback_rates_a_question_of_the_conversation_only()
    {
        var conversation = new Conversation();
        var id = Guid.NewGuid();
        conversation.ApplyEvent(Conversation.Start(id, Guid.NewGuid(), "visitor-1", "session-1", ConversationChannel.Widget, false, null, Now));
        var asked = Guid.NewGuid();
        conversation.ApplyEvent(conversation.Ask(asked, "Are glasses covered?", "glasses covered", Now));

        var feedback = conversation.GiveFeedback(asked, helpful: false, "  wrong plan ", Now);
        conversation.ApplyEvent(feedback);

        feedback.Comment.Should().Be("wrong plan");
        conversation.Turns.Single().Helpful.Should().BeFalse();
        conversation.Invoking(c => c.GiveFeedback(Guid.NewGuid(), true, null, Now))
            .Should().Throw<CleanRag.Domain.Common.DomainRuleViolationException>().Which.Code.Should().Be("message_not_found");
    }
}
