using CleanRag.Application.Conversations;
using CleanRag.Domain.Conversations;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class ConversationDetailsProjection : SingleStreamProjection<ConversationDetails, Guid>
{
    public static ConversationDetails Create(IEvent<ConversationStarted> e) => new()
    {
        Id = e.Data.ConversationId,
        ProjectId = e.Data.ProjectId,
        VisitorId = e.Data.VisitorId,
        SessionId = e.Data.SessionId,
        Channel = e.Data.Channel,
        IsTest = e.Data.IsTest,
        PageUrl = e.Data.PageUrl,
        StartedAt = e.Data.StartedAt,
        LastMessageAt = e.Data.StartedAt,
        Version = e.Version,
    };

    public void Apply(IEvent<VisitorAsked> e, ConversationDetails view)
    {
        view.Messages.Add(new ConversationMessage(e.Data.MessageId, e.Data.Question, e.Data.AskedAt, "asked",
            PageUrl: e.Data.PageUrl, PageContext: e.Data.PageContext));
        view.MessageCount = view.Messages.Count;
        if (view.Handling == ConversationHandling.Resolved)
            view.Handling = ConversationHandling.Bot;
        Reindex(view);
        Touch(view, e);
    }

    public void Apply(IEvent<AnswerGiven> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with
        {
            Outcome = "answered", Answer = e.Data.Answer, Sources = e.Data.Sources, Confidence = e.Data.Confidence, AnsweredAt = e.Data.AnsweredAt,
            ReplyId = e.Data.ReplyId ?? ConversationMessageIds.ReplyTo(e.Data.MessageId),
        });
        view.AnsweredCount++;
        Reindex(view);
        Touch(view, e);
    }

    public void Apply(IEvent<QuestionUnanswered> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with
        {
            Outcome = e.Data.Refused ? ConversationOutcomes.Refused : ConversationOutcomes.Unanswered, Answer = e.Data.Reply, Confidence = e.Data.Confidence,
            AnsweredAt = e.Data.At, ReplyId = e.Data.ReplyId ?? ConversationMessageIds.ReplyTo(e.Data.MessageId),
        });
        if (e.Data.Refused)
            view.RefusedCount++;
        else
            view.UnansweredCount++;
        Touch(view, e);
    }

    public void Apply(IEvent<EscalationRequested> e, ConversationDetails view)
    {
        if (e.Data.MessageId is { } messageId)
            Update(view, messageId, m => m with { Outcome = "escalated", AnsweredAt = e.Data.At, ReplyId = ConversationMessageIds.ReplyTo(messageId) });
        view.Escalated = true;
        if (view.Handling is ConversationHandling.Bot or ConversationHandling.Resolved)
            view.Handling = ConversationHandling.Escalated;
        view.HandlingChanges.Add(new HandlingChange("escalated", view.Handling, e.Data.At, null, e.Data.Email, e.Data.Phone, e.Data.Message));
        Touch(view, e);
    }

    public void Apply(IEvent<QuestionHeldForHuman> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with { Outcome = "awaiting_human" });
        Touch(view, e);
    }

    public void Apply(IEvent<HumanReplied> e, ConversationDetails view)
    {
        view.HumanReplies.Add(new HumanReply(e.Data.MessageId, e.Data.UserId, e.Data.AuthorName, e.Data.Content, e.Data.At));
        view.Handling = ConversationHandling.Human;
        Reindex(view);
        Touch(view, e);
    }

    public void Apply(IEvent<ConversationHandedBack> e, ConversationDetails view)
    {
        view.Handling = ConversationHandling.Bot;
        view.HandlingChanges.Add(new HandlingChange("handed_back", view.Handling, e.Data.At, e.Data.UserId));
        view.Version = e.Version;
    }

    public void Apply(IEvent<ConversationResolved> e, ConversationDetails view)
    {
        view.Handling = ConversationHandling.Resolved;
        view.HandlingChanges.Add(new HandlingChange("resolved", view.Handling, e.Data.At, e.Data.UserId));
        view.Version = e.Version;
    }

    public void Apply(IEvent<AnswerFailed> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with { Outcome = "failed", AnsweredAt = e.Data.At });
        Touch(view, e);
    }

    public void Apply(IEvent<FeedbackGiven> e, ConversationDetails view)
    {
        var previous = view.Messages.Find(m => m.MessageId == e.Data.MessageId)?.Helpful;
        Update(view, e.Data.MessageId, m => m with { Helpful = e.Data.Helpful, FeedbackComment = e.Data.Comment });
        view.NegativeFeedbackCount += (e.Data.Helpful ? 0 : 1) - (previous == false ? 1 : 0);
        view.Version = e.Version;
    }

    // The team's review changes the conversation, not its activity: the inbox's order stays by the last message.
    public void Apply(IEvent<ConversationReviewed> e, ConversationDetails view)
    {
        view.ReviewStatus = e.Data.Status;
        view.ReviewedAt = e.Data.At;
        view.ReviewedByUserId = e.Data.UserId;
        view.Version = e.Version;
    }

    public void Apply(IEvent<ConversationRated> e, ConversationDetails view)
    {
        view.Rating = e.Data.Rating;
        view.Version = e.Version;
    }

    public void Apply(IEvent<ConversationNoted> e, ConversationDetails view)
    {
        view.Notes = e.Data.Notes;
        view.Version = e.Version;
    }

    public void Apply(IEvent<ConversationAssigned> e, ConversationDetails view)
    {
        view.AssigneeUserId = e.Data.AssigneeUserId;
        view.Version = e.Version;
    }

    /// <summary>The text the inbox's full-text search matches: every question, bot answer and team reply.</summary>
    private static void Reindex(ConversationDetails view) =>
        view.SearchText = string.Join('\n',
            view.Messages.SelectMany(m => m.Answer is null ? [m.Question] : new[] { m.Question, m.Answer })
                .Concat(view.HumanReplies.Select(r => r.Content)));

    private static void Update(ConversationDetails view, Guid messageId, Func<ConversationMessage, ConversationMessage> change)
    {
        var index = view.Messages.FindIndex(m => m.MessageId == messageId);
        if (index >= 0)
            view.Messages[index] = change(view.Messages[index]);
    }

    private static void Touch(ConversationDetails view, IEvent e)
    {
        view.LastMessageAt = e.Timestamp;
        view.Version = e.Version;
    }
}
