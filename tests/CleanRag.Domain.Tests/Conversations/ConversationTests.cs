using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;

namespace CleanRag.Domain.Tests.Conversations;

public class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly CitedSource Source = new(1, Guid.NewGuid(), "plan.pdf", "Glasses…", 3, 0.9, PageEnd: 4);

    [Test]
    public void A_conversation_records_each_question_and_what_became_of_it()
    {
        var conversation = Started(out var id);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        conversation.ApplyEvent(conversation.Ask(first, "Are glasses covered?", "glasses covered", Now));
        conversation.ApplyEvent(conversation.Answer(first, "Yes [1]", [Source], 0.8, "m", 12, 100, 3, Now));
        conversation.ApplyEvent(conversation.Ask(second, "Can I talk to a human?", "Can I talk to a human?", Now));
        conversation.ApplyEvent(conversation.Escalate(second, "visitor asked for a person", "ana@example.com", null, Now));

        conversation.Id.Should().Be(id);
        conversation.Turns.Select(t => t.Outcome).Should().Equal("answered", "escalated");
        conversation.Turns[0].Sources.Single().PageNumber.Should().Be(3);
        conversation.EscalationRequested.Should().BeTrue();
        conversation.Version.Should().Be(5);
    }

    [Test]
    public void Asking_records_the_question_with_the_query_retrieval_used()
    {
        var conversation = Started(out var id);
        var messageId = Guid.NewGuid();

        var asked = conversation.Ask(messageId, "And glasses?", "plan coverage glasses", Now);

        asked.Should().Be(new VisitorAsked(id, messageId, "And glasses?", "plan coverage glasses", Now));
    }

    [Test]
    public void A_question_of_a_test_conversation_says_so_for_the_message_quota()
    {
        var id = Guid.NewGuid();
        var conversation = new Conversation();
        conversation.ApplyEvent(Conversation.Start(id, Guid.NewGuid(), "visitor-1", "session-1", ConversationChannel.Dashboard, true, null, Now));

        conversation.Ask(Guid.NewGuid(), "And glasses?", "glasses", Now).IsTest.Should().BeTrue();
        Started(out _).Ask(Guid.NewGuid(), "And glasses?", "glasses", Now).IsTest.Should().BeFalse();
    }

    [Test]
    public void A_question_needs_a_started_conversation()
    {
        new Conversation().Invoking(c => c.Ask(Guid.NewGuid(), "Are glasses covered?", "glasses", Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("conversation_not_started");
    }

    [Test]
    public void A_question_is_not_blank()
    {
        Started(out _).Invoking(c => c.Ask(Guid.NewGuid(), "  ", "  ", Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("question_required");
    }

    [Test]
    public void A_message_id_is_asked_once()
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);

        conversation.Invoking(c => c.Ask(messageId, "Again?", "again", Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_exists");
    }

    [Test]
    public void An_answer_carries_its_sources_confidence_model_and_usage()
    {
        var conversation = Started(out var id);
        var messageId = Asked(conversation);

        var answer = conversation.Answer(messageId, "Yes [1]", [Source], 0.8, "extractive", 42, 100, 7, Now);

        answer.Should().BeEquivalentTo(new AnswerGiven(id, messageId, "Yes [1]", [Source], 0.8, "extractive", 42, 100, 7, Now,
            ConversationMessageIds.ReplyTo(messageId)));
    }

    [Test]
    public void An_answer_cites_at_least_one_source()
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);

        conversation.Invoking(c => c.Answer(messageId, "Yes, I think so.", [], 0.8, "m", 1, 1, 1, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("answer_unsupported");
    }

    [TestCase(-0.01)]
    [TestCase(1.01)]
    [TestCase(double.NaN)]
    public void Confidence_lies_between_zero_and_one(double confidence)
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);

        conversation.Invoking(c => c.Answer(messageId, "Yes [1]", [Source], confidence, "m", 1, 1, 1, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("confidence_out_of_range");
        conversation.Invoking(c => c.LeaveUnanswered(messageId, confidence, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("confidence_out_of_range");
    }

    [Test]
    public void A_question_left_unanswered_is_recorded_with_its_text_and_confidence()
    {
        var conversation = Started(out var id);
        var messageId = Asked(conversation, "Is dental covered?");

        var unanswered = conversation.LeaveUnanswered(messageId, 0.12, Now);
        conversation.ApplyEvent(unanswered);

        unanswered.Should().Be(new QuestionUnanswered(id, messageId, "Is dental covered?", 0.12, Now, ConversationMessageIds.ReplyTo(messageId)));
        conversation.Turns.Single().Should().Match<Conversation.Turn>(t => t.Outcome == "unanswered" && t.Confidence == 0.12 && t.Answer == null);
    }

    [Test]
    public void An_escalation_keeps_the_contact_details_and_marks_the_conversation()
    {
        var conversation = Started(out var id);
        var messageId = Asked(conversation);

        var escalation = conversation.Escalate(messageId, "The visitor asked to talk to a person.", "ana@example.com", "+1 555 0100", Now);
        conversation.ApplyEvent(escalation);

        escalation.Should().Be(new EscalationRequested(id, messageId, "The visitor asked to talk to a person.", "ana@example.com", "+1 555 0100", Now));
        conversation.EscalationRequested.Should().BeTrue();
    }

    [Test]
    public void A_failure_keeps_the_question_with_why_it_has_no_answer()
    {
        var conversation = Started(out var id);
        var messageId = Asked(conversation);

        var failure = conversation.Fail(messageId, "abandoned", "The visitor disconnected.", Now);
        conversation.ApplyEvent(failure);

        failure.Should().Be(new AnswerFailed(id, messageId, "abandoned", "The visitor disconnected.", Now));
        conversation.Turns.Single().Outcome.Should().Be("failed");
    }

    [Test]
    public void Only_a_question_of_the_conversation_can_be_settled()
    {
        var conversation = Started(out _);
        Asked(conversation);
        var unknown = Guid.NewGuid();

        foreach (var settle in Settlements(unknown))
            conversation.Invoking(settle).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_not_found");
    }

    [Test]
    public void A_question_is_settled_exactly_once()
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);
        conversation.ApplyEvent(conversation.Fail(messageId, "abandoned", "The visitor disconnected.", Now));

        foreach (var settle in Settlements(messageId))
            conversation.Invoking(settle).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_already_settled");
    }

    [Test]
    public void Feedback_rates_a_settled_question_of_the_conversation()
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);
        conversation.ApplyEvent(conversation.LeaveUnanswered(messageId, 0, Now));

        var feedback = conversation.GiveFeedback(messageId, helpful: false, "  wrong plan ", Now);
        conversation.ApplyEvent(feedback);

        feedback.Comment.Should().Be("  wrong plan ", "the reason is kept verbatim");
        conversation.Turns.Single().Helpful.Should().BeFalse();
        conversation.Invoking(c => c.GiveFeedback(Guid.NewGuid(), true, null, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_not_found");
    }

    [Test]
    public void Feedback_can_change_its_mind()
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);
        conversation.ApplyEvent(conversation.Answer(messageId, "Yes [1]", [Source], 0.8, "m", 1, 1, 1, Now));
        conversation.ApplyEvent(conversation.GiveFeedback(messageId, helpful: false, null, Now));

        conversation.ApplyEvent(conversation.GiveFeedback(messageId, helpful: true, null, Now));

        conversation.Turns.Single().Helpful.Should().BeTrue();
    }

    [Test]
    public void A_question_still_being_answered_cannot_be_rated()
    {
        var conversation = Started(out _);
        var messageId = Asked(conversation);

        conversation.Invoking(c => c.GiveFeedback(messageId, true, null, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_not_settled");
    }

    private static Conversation Started(out Guid id)
    {
        id = Guid.NewGuid();
        var conversation = new Conversation();
        conversation.ApplyEvent(Conversation.Start(id, Guid.NewGuid(), "visitor-1", "session-1", ConversationChannel.Widget, false, null, Now));
        return conversation;
    }

    private static Guid Asked(Conversation conversation, string question = "Are glasses covered?")
    {
        var messageId = Guid.NewGuid();
        conversation.ApplyEvent(conversation.Ask(messageId, question, question, Now));
        return messageId;
    }

    private static IEnumerable<Action<Conversation>> Settlements(Guid messageId) =>
    [
        c => c.Answer(messageId, "Yes [1]", [Source], 0.8, "m", 1, 1, 1, Now),
        c => c.LeaveUnanswered(messageId, 0, Now),
        c => c.Escalate(messageId, "The visitor asked to talk to a person.", null, null, Now),
        c => c.Fail(messageId, "upstream_failed", "timeout", Now),
    ];
}
