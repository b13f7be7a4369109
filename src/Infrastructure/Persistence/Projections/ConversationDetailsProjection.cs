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
        Touch(view, e);
    }

    public void Apply(IEvent<AnswerGiven> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with
        {
            Outcome = "answered", Answer = e.Data.Answer, Sources = e.Data.Sources, Confidence = e.Data.Confidence, AnsweredAt = e.Data.AnsweredAt,
        });
        Touch(view, e);
    }

    public void Apply(IEvent<QuestionUnanswered> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with { Outcome = "unanswered", Confidence = e.Data.Confidence, AnsweredAt = e.Data.At });
        view.UnansweredCount++;
        Touch(view, e);
    }

    public void Apply(IEvent<EscalationRequested> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with { Outcome = "escalated", AnsweredAt = e.Data.At });
        view.Escalated = true;
        Touch(view, e);
    }

    public void Apply(IEvent<AnswerFailed> e, ConversationDetails view)
    {
        Update(view, e.Data.MessageId, m => m with { Outcome = "failed", AnsweredAt = e.Data.At });
        Touch(view, e);
    }

    public void Apply(IEvent<FeedbackGiven> e, ConversationDetails view)
    {
        var previous = view.Messages.Find(m => m.MessageId == e.Data.MessageId)?.Helpful;
        Update(view, e.Data.MessageId, m => m with { Helpful = e.Data.Helpful });
        view.NegativeFeedbackCount += (e.Data.Helpful ? 0 : 1) - (previous == false ? 1 : 0);
        view.Version = e.Version;
    }

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
