using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;

namespace CleanRag.Domain.Tests.Conversations;

/// <summary>
/// Who answers a conversation: bot → escalated (waiting for a person; the bot still answers) → human (a person replied;
/// the bot stays quiet) → handed back to the bot, or resolved. Every step is an event on the conversation's stream.
/// </summary>
public class ConversationHandlingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agent = Guid.NewGuid();

    [Test]
    public void A_new_conversation_is_handled_by_the_bot()
    {
        var conversation = Started();

        conversation.Handling.Should().Be(ConversationHandling.Bot);
        conversation.BotStaysQuiet.Should().BeFalse();
    }

    [Test]
    public void Asking_for_a_person_in_the_chat_settles_the_question_and_escalates()
    {
        var conversation = Started();
        var question = Asked(conversation, "Can I talk to a human?");

        conversation.ApplyEvent(conversation.Escalate(question, "The visitor asked to talk to a person.", null, null, Now));

        conversation.Handling.Should().Be(ConversationHandling.Escalated);
        conversation.Turns.Single().Outcome.Should().Be("escalated");
    }

    [Test]
    public void The_escalation_form_needs_no_open_question_and_keeps_the_visitors_message_verbatim()
    {
        var conversation = Started();

        var escalation = conversation.RequestPerson("The visitor asked for a person.", "ana@example.com", null, "  Please call me ", Now);
        conversation.ApplyEvent(escalation);

        escalation.Should().Be(new EscalationRequested(conversation.Id, null, "The visitor asked for a person.", "ana@example.com", null, Now,
            "  Please call me "));
        conversation.Handling.Should().Be(ConversationHandling.Escalated);
        conversation.EscalationRequested.Should().BeTrue();
    }

    [Test]
    public void While_escalated_and_nobody_replied_yet_the_bot_keeps_answering()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.RequestPerson("asked", null, null, null, Now));
        var question = Asked(conversation);

        conversation.BotStaysQuiet.Should().BeFalse();
        conversation.Invoking(c => c.HoldForHuman(question, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("not_with_a_person");
    }

    [Test]
    public void A_persons_reply_takes_the_conversation_over_and_the_bot_stays_quiet()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.RequestPerson("asked", null, null, null, Now));
        var replyId = Guid.NewGuid();

        var reply = conversation.Reply(replyId, Agent, "Grace", "Hi, Grace here.", Now);
        conversation.ApplyEvent(reply);
        var question = Asked(conversation, "Thanks! And dental?");
        var held = conversation.HoldForHuman(question, Now);
        conversation.ApplyEvent(held);

        reply.Should().Be(new HumanReplied(conversation.Id, replyId, Agent, "Grace", "Hi, Grace here.", Now));
        conversation.Handling.Should().Be(ConversationHandling.Human);
        conversation.BotStaysQuiet.Should().BeTrue();
        conversation.HumanReplyIds.Should().Equal(replyId);
        conversation.Turns.Single().Outcome.Should().Be("awaiting_human");
        conversation.Turns.Single().ReplyId.Should().BeNull("the bot did not reply");
    }

    [Test]
    public void A_person_may_reply_without_an_escalation()
    {
        var conversation = Started();

        conversation.ApplyEvent(conversation.Reply(Guid.NewGuid(), Agent, "Grace", "Can I help?", Now));

        conversation.Handling.Should().Be(ConversationHandling.Human);
    }

    [Test]
    public void A_blank_reply_or_a_reused_message_id_is_refused()
    {
        var conversation = Started();
        var question = Asked(conversation);

        conversation.Invoking(c => c.Reply(Guid.NewGuid(), Agent, "Grace", "  ", Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("reply_required");
        conversation.Invoking(c => c.Reply(question, Agent, "Grace", "Hi", Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_exists");
    }

    [Test]
    public void An_escalation_while_a_person_handles_the_conversation_leaves_it_with_them()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.Reply(Guid.NewGuid(), Agent, "Grace", "Hi", Now));

        conversation.ApplyEvent(conversation.RequestPerson("asked", "ana@example.com", null, null, Now));

        conversation.Handling.Should().Be(ConversationHandling.Human);
    }

    [Test]
    public void Handing_back_gives_the_conversation_to_the_bot_again()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.Reply(Guid.NewGuid(), Agent, "Grace", "Hi", Now));

        conversation.ApplyEvent(conversation.HandBack(Agent, Now));

        conversation.Handling.Should().Be(ConversationHandling.Bot);
        conversation.BotStaysQuiet.Should().BeFalse();
    }

    [Test]
    public void An_escalation_nobody_took_can_be_handed_back_too()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.RequestPerson("asked", null, null, null, Now));

        conversation.ApplyEvent(conversation.HandBack(Agent, Now));

        conversation.Handling.Should().Be(ConversationHandling.Bot);
    }

    [Test]
    public void Only_a_conversation_with_a_person_can_be_handed_back()
    {
        var conversation = Started();

        conversation.Invoking(c => c.HandBack(Agent, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("not_with_a_person");
        conversation.ApplyEvent(conversation.Resolve(Agent, Now));
        conversation.Invoking(c => c.HandBack(Agent, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("not_with_a_person");
    }

    [Test]
    public void A_conversation_is_resolved_once()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.Reply(Guid.NewGuid(), Agent, "Grace", "Done?", Now));

        var resolved = conversation.Resolve(Agent, Now);
        conversation.ApplyEvent(resolved);

        resolved.Should().Be(new ConversationResolved(conversation.Id, Agent, Now));
        conversation.Handling.Should().Be(ConversationHandling.Resolved);
        conversation.Invoking(c => c.Resolve(Agent, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("already_resolved");
    }

    [Test]
    public void A_new_question_on_a_resolved_conversation_goes_back_to_the_bot()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.Reply(Guid.NewGuid(), Agent, "Grace", "Hi", Now));
        conversation.ApplyEvent(conversation.Resolve(Agent, Now));

        Asked(conversation, "One more thing?");

        conversation.Handling.Should().Be(ConversationHandling.Bot);
    }

    [Test]
    public void A_reply_to_a_resolved_conversation_reopens_it_with_the_person()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.Resolve(Agent, Now));

        conversation.ApplyEvent(conversation.Reply(Guid.NewGuid(), Agent, "Grace", "Following up", Now));

        conversation.Handling.Should().Be(ConversationHandling.Human);
    }

    [Test]
    public void A_new_escalation_on_a_resolved_conversation_reopens_it_as_escalated()
    {
        var conversation = Started();
        conversation.ApplyEvent(conversation.Resolve(Agent, Now));

        conversation.ApplyEvent(conversation.RequestPerson("asked", null, null, null, Now));

        conversation.Handling.Should().Be(ConversationHandling.Escalated);
    }

    [Test]
    public void The_bots_reply_has_its_own_stable_id_and_feedback_may_name_either_message()
    {
        var conversation = Started();
        var question = Asked(conversation);
        var answer = conversation.Answer(question, "Yes [1]", [new CitedSource(1, Guid.NewGuid(), "plan.pdf", "…", 1, 0.9)], 0.8, "m", 1, 1, 1, Now);
        conversation.ApplyEvent(answer);

        answer.ReplyId.Should().Be(ConversationMessageIds.ReplyTo(question)).And.NotBe(question);
        conversation.Turns.Single().ReplyId.Should().Be(answer.ReplyId);
        ConversationMessageIds.ReplyTo(question).Should().Be(ConversationMessageIds.ReplyTo(question), "old events without an id get the same one");
        conversation.GiveFeedback(answer.ReplyId!.Value, false, "wrong", Now).MessageId.Should().Be(question);
        conversation.GiveFeedback(question, true, null, Now).MessageId.Should().Be(question);
    }

    [Test]
    public void The_teams_replies_are_not_rated()
    {
        var conversation = Started();
        var replyId = Guid.NewGuid();
        conversation.ApplyEvent(conversation.Reply(replyId, Agent, "Grace", "Hi", Now));

        conversation.Invoking(c => c.GiveFeedback(replyId, true, null, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_not_rateable");
    }

    [Test]
    public void The_team_acts_only_on_a_started_conversation()
    {
        var conversation = new Conversation();

        foreach (var act in new Action<Conversation>[]
                 {
                     c => c.Reply(Guid.NewGuid(), Agent, "Grace", "Hi", Now), c => c.HandBack(Agent, Now), c => c.Resolve(Agent, Now),
                     c => c.RequestPerson("asked", null, null, null, Now),
                 })
            conversation.Invoking(act).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("conversation_not_started");
    }

    private static Conversation Started()
    {
        var conversation = new Conversation();
        conversation.ApplyEvent(Conversation.Start(Guid.NewGuid(), Guid.NewGuid(), "visitor-1", "session-1", ConversationChannel.Widget, false, null, Now));
        return conversation;
    }

    private static Guid Asked(Conversation conversation, string question = "Are glasses covered?")
    {
        var messageId = Guid.NewGuid();
        conversation.ApplyEvent(conversation.Ask(messageId, question, question, Now));
        return messageId;
    }
}
