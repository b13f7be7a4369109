using CleanRag.Application.Analytics;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Leads;
using CleanRag.Testing;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Persistence.Projections;

/// <summary>The analytics projection, run by the async daemon of the infrastructure host over events appended directly.</summary>
public class AnalyticsProjectionTests
{
    private static readonly DateTimeOffset Yesterday = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1).AddHours(10);
    private static readonly DateTimeOffset Today = Yesterday.AddDays(1);

    private static IDocumentStore Store => InfrastructureHost.Host.Services.GetRequiredService<IDocumentStore>();

    private static async Task AppendAsync(Guid tenantId, Guid conversationId, params IDomainEvent[] events)
    {
        await using var session = Store.LightweightSession(tenantId.ToString());
        session.Events.Append(conversationId, events.Cast<object>().ToArray());
        await session.SaveChangesAsync();
    }

    private static CitedSource[] Source => [new(1, Guid.NewGuid(), "doc", "excerpt", 1, 0.9)];

    [Test]
    public async Task Counts_each_question_on_the_day_it_was_asked_with_its_latest_vote_and_skips_test_conversations()
    {
        // A real company, so the reactions to the escalations (the team's mail, the lead) find it.
        var (tenantId, _) = await InfrastructureHost.NewCompanyAsync();
        var projectId = Guid.NewGuid();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), test = Guid.NewGuid();
        Guid q1 = Guid.NewGuid(), q2 = Guid.NewGuid(), q3 = Guid.NewGuid(), q4 = Guid.NewGuid(), tq = Guid.NewGuid();

        await AppendAsync(tenantId, a,
            new ConversationStarted(a, projectId, "v1", "s1", ConversationChannel.Widget, false, null, Yesterday),
            new VisitorAsked(a, q1, "How do I reset my password?", "reset password", Yesterday),
            new AnswerGiven(a, q1, "Like this [1].", Source, 0.8, "extractive", 1000, 10, 5, Yesterday),
            new VisitorAsked(a, q2, "Password reset: how?", "reset password", Yesterday),
            new QuestionUnanswered(a, q2, "Password reset: how?", 0.3, Yesterday, Refused: true),
            new VisitorAsked(a, q4, "Reset my password?", "reset password", Yesterday),
            new AnswerFailed(a, q4, "upstream_failed", "The model failed.", Yesterday));
        await AppendAsync(tenantId, b,
            new ConversationStarted(b, projectId, "v2", "s2", ConversationChannel.Api, false, null, Today),
            new VisitorAsked(b, q3, "Do you ship to Mars?", "ship mars", Today),
            new QuestionUnanswered(b, q3, "Do you ship to Mars?", 0.2, Today),
            new EscalationRequested(b, null, "form", null, "+33 1 23 45 67 89", Today, "Call me"),
            new EscalationRequested(b, null, "form", null, null, Today));
        await AppendAsync(tenantId, test,
            new ConversationStarted(test, projectId, "owner", "s3", ConversationChannel.Dashboard, true, null, Today),
            new VisitorAsked(test, tq, "Do you ship to Mars?", "ship mars", Today),
            new QuestionUnanswered(test, tq, "Do you ship to Mars?", 0.1, Today));
        // Votes arrive today about yesterday's answer: negative, positive, negative again.
        await AppendAsync(tenantId, a,
            new FeedbackGiven(a, q1, false, null, Today), new FeedbackGiven(a, q1, true, null, Today), new FeedbackGiven(a, q1, false, null, Today));
        await AppendAsync(tenantId, b, new FeedbackGiven(b, q3, false, null, Today));
        // Leads: one entered by hand (counted) and one of the test conversation (not); the escalation with a phone above
        // becomes a lead through its reaction (counted).
        Guid manual = Guid.NewGuid(), ofTest = Guid.NewGuid();
        await AppendAsync(tenantId, manual,
            new LeadCaptured(manual, projectId, null, LeadSource.Manual, null, "Ada", "ada@example.com", null, null, null, null, Today));
        await AppendAsync(tenantId, ofTest,
            new LeadCaptured(ofTest, projectId, test, LeadSource.Chat, "owner", null, "me@example.com", null, null, null, null, Today));
        var todayId = ProjectDayStats.IdFor(projectId, DateOnly.FromDateTime(Today.UtcDateTime).DayNumber);
        await Eventually.IsTrueAsync(async () =>
        {
            await using var probe = Store.QuerySession(tenantId.ToString());
            return (await probe.LoadAsync<ProjectDayStats>(todayId))?.Leads >= 2;
        }, TimeSpan.FromSeconds(60), "the escalation's lead and the manual one are counted");
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        await using var session = Store.QuerySession(tenantId.ToString());
        var yesterday = await session.LoadAsync<ProjectDayStats>(ProjectDayStats.IdFor(projectId, DateOnly.FromDateTime(Yesterday.UtcDateTime).DayNumber));
        var today = await session.LoadAsync<ProjectDayStats>(ProjectDayStats.IdFor(projectId, DateOnly.FromDateTime(Today.UtcDateTime).DayNumber));
        var totals = await session.LoadAsync<ProjectAnalyticsTotals>(projectId);

        yesterday!.Conversations.Should().Be(1);
        yesterday.Messages.Should().Be(3);
        yesterday.Answered.Should().Be(1);
        yesterday.Refused.Should().Be(1, "the withheld answer; the failed model call is none of the outcomes");
        yesterday.Unanswered.Should().Be(0);
        yesterday.NegativeFeedback.Should().Be(1, "the latest vote, counted once, on the day the question was asked");
        yesterday.PositiveFeedback.Should().Be(0);
        yesterday.LatencyBuckets[LatencyHistogram.BucketOf(1000)].Should().Be(1);
        yesterday.Questions.Should().ContainSingle("the wordings are one group").Which.Value.Asked.Should().Be(3);

        today!.Conversations.Should().Be(1, "the test conversation is not counted");
        today.Messages.Should().Be(1);
        today.Unanswered.Should().Be(1);
        today.Escalations.Should().Be(2);
        today.Leads.Should().Be(2, "the escalation with a phone and the manual lead; not the test conversation's");
        today.NegativeFeedback.Should().Be(1);
        today.ConfidenceCount.Should().Be(1);
        today.ConfidenceSum.Should().BeApproximately(0.2, 1e-9);

        totals!.Messages.Should().Be(4);
        totals.NegativeFeedback.Should().Be(2);

        var mars = await session.LoadAsync<QuestionGroup>(QuestionKey.GroupId(projectId, QuestionKey.For("Do you ship to Mars?")));
        mars!.Asked.Should().Be(1);
        mars.Unanswered.Should().Be(1);
        mars.NegativeFeedback.Should().Be(1);
        mars.Impact.Should().Be(2);
        mars.Examples.Should().Equal("Do you ship to Mars?");
        var password = await session.LoadAsync<QuestionGroup>(QuestionKey.GroupId(projectId, QuestionKey.For("How do I reset my password?")));
        password!.Examples.Should().Equal("How do I reset my password?", "Password reset: how?", "Reset my password?");
        password.Impact.Should().Be(2, "the refused question and the negative vote");
    }
}
