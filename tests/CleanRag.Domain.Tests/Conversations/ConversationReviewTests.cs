using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;

namespace CleanRag.Domain.Tests.Conversations;

/// <summary>
/// The team's review of a conversation: status, rating, notes and assignee, each an event of its own that the conversation
/// decides only when something changes; and the guardrail's refusal, told apart from a question the documents do not cover.
/// </summary>
public class ConversationReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reviewer = Guid.NewGuid();

    [Test]
    public void A_new_conversation_is_unreviewed_unrated_without_notes_or_assignee()
    {
        var conversation = Started();

        conversation.ReviewStatus.Should().Be(ReviewStatus.New);
        conversation.Rating.Should().BeNull();
        conversation.Notes.Should().BeNull();
        conversation.AssigneeUserId.Should().BeNull();
    }

    [Test]
    public void Marking_a_review_status_records_who_and_when_and_the_same_status_again_records_nothing()
    {
        var conversation = Started();

        var reviewed = conversation.MarkReview(ReviewStatus.NeedsFollowUp, Reviewer, Now);
        conversation.ApplyEvent(reviewed!);

        reviewed.Should().Be(new ConversationReviewed(conversation.Id, ReviewStatus.NeedsFollowUp, Reviewer, Now));
        conversation.ReviewStatus.Should().Be(ReviewStatus.NeedsFollowUp);
        conversation.MarkReview(ReviewStatus.NeedsFollowUp, Guid.NewGuid(), Now.AddMinutes(1)).Should().BeNull();
        conversation.MarkReview(ReviewStatus.New, Reviewer, Now).Should().NotBeNull("a conversation can be put back to new");
    }

    [Test]
    public void A_rating_is_from_1_to_5_and_null_clears_it()
    {
        var conversation = Started();

        conversation.ApplyEvent(conversation.Rate(4, Reviewer, Now)!);
        conversation.Rating.Should().Be(4);
        conversation.Rate(4, Reviewer, Now).Should().BeNull("unchanged");
        conversation.ApplyEvent(conversation.Rate(null, Reviewer, Now)!);
        conversation.Rating.Should().BeNull();
        conversation.Rate(null, Reviewer, Now).Should().BeNull("already cleared");

        foreach (var outOfRange in new[] { 0, 6, -1 })
        {
            conversation.Invoking(c => c.Rate(outOfRange, Reviewer, Now))
                .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("rating_out_of_range");
        }
    }

    [Test]
    public void Notes_are_trimmed_blank_notes_clear_them_and_too_long_notes_are_refused()
    {
        var conversation = Started();

        var noted = conversation.Note("  Call back on Monday.  ", Reviewer, Now);
        conversation.ApplyEvent(noted!);

        noted!.Notes.Should().Be("Call back on Monday.");
        conversation.Note("Call back on Monday.", Reviewer, Now).Should().BeNull("the same notes change nothing");
        conversation.ApplyEvent(conversation.Note("   ", Reviewer, Now)!);
        conversation.Notes.Should().BeNull();
        conversation.Note(null, Reviewer, Now).Should().BeNull("already without notes");
        conversation.Invoking(c => c.Note(new string('n', Conversation.MaxNotesLength + 1), Reviewer, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("notes_too_long");
    }

    [Test]
    public void Assigning_records_the_assignee_null_unassigns_and_the_same_assignee_records_nothing()
    {
        var conversation = Started();
        var grace = Guid.NewGuid();

        conversation.ApplyEvent(conversation.Assign(grace, Reviewer, Now)!);
        conversation.AssigneeUserId.Should().Be(grace);
        conversation.Assign(grace, Reviewer, Now).Should().BeNull();
        conversation.ApplyEvent(conversation.Assign(null, Reviewer, Now)!);
        conversation.AssigneeUserId.Should().BeNull();
        conversation.Assign(null, Reviewer, Now).Should().BeNull();
        conversation.Invoking(c => c.Assign(Guid.Empty, Reviewer, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("assignee_required");
    }

    [Test]
    public void A_conversation_that_was_never_started_cannot_be_reviewed()
    {
        var conversation = new Conversation();

        conversation.Invoking(c => c.MarkReview(ReviewStatus.Reviewed, Reviewer, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("conversation_not_started");
        conversation.Invoking(c => c.Rate(3, Reviewer, Now)).Should().Throw<DomainRuleViolationException>();
    }

    [Test]
    public void A_refusal_is_an_unanswered_question_marked_refused_with_a_reply_of_its_own()
    {
        var conversation = Started();
        var refusedQuestion = Asked(conversation);

        var refusal = conversation.Refuse(refusedQuestion, 0.2, Now);
        conversation.ApplyEvent(refusal);
        var unansweredQuestion = Asked(conversation, "Who won the cup?");
        var unanswered = conversation.LeaveUnanswered(unansweredQuestion, 0, Now);
        conversation.ApplyEvent(unanswered);

        refusal.Refused.Should().BeTrue();
        unanswered.Refused.Should().BeFalse();
        conversation.Turns.Select(t => t.Outcome).Should().Equal("refused", "unanswered");
        conversation.Turns[0].ReplyId.Should().Be(ConversationMessageIds.ReplyTo(refusedQuestion));
        conversation.Invoking(c => c.Refuse(refusedQuestion, 0.2, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("message_already_settled");
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
