using CleanRag.Application.Analytics;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Leads;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>
/// The analytics read models, kept by the async daemon from the conversation events: per project and UTC day
/// (<see cref="ProjectDayStats"/>), per project since the start (<see cref="ProjectAnalyticsTotals"/>) and per question group
/// (<see cref="QuestionGroup"/>). Conversation events after the first do not name the project, and feedback names only a
/// message, so the projection keeps its own small record per conversation (<see cref="AnalyticsConversation"/>: project,
/// and each question's day, group and current vote). A batch reads all the records and counters it touches in one query
/// per type, changes them in memory in event order, and stores them with the daemon's progress — never a scan of events.
/// </summary>
internal sealed class AnalyticsProjection : ProjectionBase, IProjection
{
    public AnalyticsProjection()
    {
        Name = "Analytics";
        foreach (var type in new[] { typeof(ProjectDayStats), typeof(ProjectAnalyticsTotals), typeof(QuestionGroup), typeof(AnalyticsConversation) })
            RegisterPublishedType(type); // a rebuild starts them from nothing instead of counting twice
        IncludeType<ConversationStarted>();
        IncludeType<VisitorAsked>();
        IncludeType<AnswerGiven>();
        IncludeType<QuestionUnanswered>();
        IncludeType<EscalationRequested>();
        IncludeType<FeedbackGiven>();
        IncludeType<LeadCaptured>();
    }

    /// <summary>The daemon gives one tenant's events at a time, with a session of that tenant.</summary>
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // A lead names its conversation (when it has one): loaded too, so a lead of a test conversation is not counted.
        var conversationIds = events.Select(e => e.Data is LeadCaptured { ConversationId: { } id } ? id : e.StreamId).Distinct().ToArray();
        var conversations = (await operations.LoadManyAsync<AnalyticsConversation>(cancellation, conversationIds)).ToDictionary(c => c.Id);
        var changes = new Changes();
        var touched = new HashSet<Guid>();
        foreach (var e in events)
        {
            if (Apply(e, conversations, changes))
                touched.Add(e.StreamId);
        }

        await changes.Days.SaveAsync(operations, ids => operations.LoadManyAsync<ProjectDayStats>(cancellation, ids), d => d.Id);
        await changes.Totals.SaveAsync(operations, ids => operations.LoadManyAsync<ProjectAnalyticsTotals>(cancellation, ids), t => t.Id);
        await changes.Groups.SaveAsync(operations, ids => operations.LoadManyAsync<QuestionGroup>(cancellation, ids), g => g.Id);
        operations.Store(touched.Select(id => conversations[id]).ToArray());
    }

    /// <summary>Records what <paramref name="e"/> changes; false when it changes nothing (test conversations, unknown messages).</summary>
    private static bool Apply(IEvent e, Dictionary<Guid, AnalyticsConversation> conversations, Changes changes)
    {
        if (e.Data is ConversationStarted started)
        {
            if (started.IsTest)
                return false; // never tracked, so none of its later events count either
            conversations[started.ConversationId] = new AnalyticsConversation { Id = started.ConversationId, ProjectId = started.ProjectId };
            changes.Count(started.ProjectId, Day(started.StartedAt), c => c.Conversations++);
            return true;
        }
        if (e.Data is LeadCaptured lead)
        {
            // Every source counts (escalation, chat, API, by hand); one of a test conversation, which is never tracked, does not.
            if (lead.ConversationId is null || conversations.ContainsKey(lead.ConversationId.Value))
                changes.Count(lead.ProjectId, Day(lead.CapturedAt), c => c.Leads++);
            return false;
        }
        if (!conversations.TryGetValue(e.StreamId, out var conversation))
            return false;
        var projectId = conversation.ProjectId;
        switch (e.Data)
        {
            case VisitorAsked asked:
            {
                var question = new TrackedQuestion { Day = Day(asked.AskedAt), Key = QuestionKey.For(asked.Question) };
                if (!conversation.Questions.TryAdd(asked.MessageId, question))
                    return false;
                changes.Count(projectId, question.Day, c => c.Messages++);
                changes.Tally(projectId, question.Day, question.Key, t =>
                {
                    t.Asked++;
                    if (t.Example.Length == 0)
                        t.Example = asked.Question;
                });
                changes.Group(projectId, question.Key, g =>
                {
                    g.Asked++;
                    if (g.Examples.Count < QuestionGroup.MaxExamples && !g.Examples.Contains(asked.Question, StringComparer.OrdinalIgnoreCase))
                        g.Examples.Add(asked.Question);
                    if (asked.AskedAt > g.LastAskedAt)
                        g.LastAskedAt = asked.AskedAt;
                });
                return true;
            }
            case AnswerGiven answer when conversation.Questions.TryGetValue(answer.MessageId, out var question):
                changes.Count(projectId, question.Day, c =>
                {
                    c.Answered++;
                    c.ConfidenceSum += answer.Confidence;
                    c.ConfidenceCount++;
                    c.LatencyBuckets[LatencyHistogram.BucketOf(answer.LatencyMs)]++;
                });
                return false;
            case QuestionUnanswered unanswered when conversation.Questions.TryGetValue(unanswered.MessageId, out var question):
                // Refused (an answer withheld as unsupported) and unanswered (nothing relevant found) are both gaps in the documents.
                changes.Count(projectId, question.Day, c =>
                {
                    if (unanswered.Refused)
                        c.Refused++;
                    else
                        c.Unanswered++;
                    c.ConfidenceSum += unanswered.Confidence;
                    c.ConfidenceCount++;
                });
                changes.Tally(projectId, question.Day, question.Key, t => t.Unanswered++);
                changes.Group(projectId, question.Key, g =>
                {
                    g.Unanswered++;
                    g.Impact++;
                    g.LastProblemAt = Latest(g.LastProblemAt, unanswered.At);
                });
                return false;
            case EscalationRequested escalation:
                changes.Count(projectId, Day(escalation.At), c => c.Escalations++);
                return false;
            case FeedbackGiven feedback when conversation.Questions.TryGetValue(feedback.MessageId, out var question):
                return Rate(feedback, question, projectId, changes);
            default:
                return false;
        }
    }

    /// <summary>Counts the question's latest vote only: a changed vote is taken back from where it was counted.</summary>
    private static bool Rate(FeedbackGiven feedback, TrackedQuestion question, Guid projectId, Changes changes)
    {
        var previous = question.Vote;
        if (previous == feedback.Helpful)
            return false;
        question.Vote = feedback.Helpful;
        var negativeChange = (feedback.Helpful ? 0 : 1) - (previous == false ? 1 : 0);
        changes.Count(projectId, question.Day, c =>
        {
            c.PositiveFeedback += (feedback.Helpful ? 1 : 0) - (previous == true ? 1 : 0);
            c.NegativeFeedback += negativeChange;
        });
        if (negativeChange != 0)
        {
            changes.Tally(projectId, question.Day, question.Key, t => t.NegativeFeedback += negativeChange);
            changes.Group(projectId, question.Key, g =>
            {
                g.NegativeFeedback += negativeChange;
                g.Impact += negativeChange;
                if (!feedback.Helpful)
                    g.LastProblemAt = Latest(g.LastProblemAt, feedback.At);
            });
        }
        return true;
    }

    private static int Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c > at ? c : at;

    /// <summary>The documents a batch changes, each with its changes in event order.</summary>
    private sealed class Changes
    {
        public Pending<string, ProjectDayStats> Days { get; } = new();
        public Pending<Guid, ProjectAnalyticsTotals> Totals { get; } = new();
        public Pending<Guid, QuestionGroup> Groups { get; } = new();

        /// <summary>A counter change, on the day and on the project's totals.</summary>
        public void Count(Guid projectId, int day, Action<AnalyticsCounts> change)
        {
            Days.Add(ProjectDayStats.IdFor(projectId, day), () => new ProjectDayStats
            {
                Id = ProjectDayStats.IdFor(projectId, day), ProjectId = projectId, DayNumber = day,
            }, change);
            Totals.Add(projectId, () => new ProjectAnalyticsTotals { Id = projectId, ProjectId = projectId }, change);
        }

        public void Tally(Guid projectId, int day, string key, Action<QuestionTally> change) =>
            Days.Add(ProjectDayStats.IdFor(projectId, day), () => new ProjectDayStats
            {
                Id = ProjectDayStats.IdFor(projectId, day), ProjectId = projectId, DayNumber = day,
            }, d =>
            {
                if (!d.Questions.TryGetValue(key, out var tally))
                    d.Questions[key] = tally = new QuestionTally();
                change(tally);
            });

        public void Group(Guid projectId, string key, Action<QuestionGroup> change)
        {
            var id = QuestionKey.GroupId(projectId, key);
            Groups.Add(id, () => new QuestionGroup { Id = id, ProjectId = projectId, Key = key }, change);
        }
    }

    private sealed class Pending<TId, TDoc> where TId : notnull where TDoc : class
    {
        private readonly Dictionary<TId, (Func<TDoc> Create, List<Action<TDoc>> Changes)> _pending = [];

        public void Add(TId id, Func<TDoc> create, Action<TDoc> change)
        {
            if (!_pending.TryGetValue(id, out var entry))
                _pending[id] = entry = (create, []);
            entry.Changes.Add(change);
        }

        public async Task SaveAsync(IDocumentOperations operations, Func<TId[], Task<IReadOnlyList<TDoc>>> load, Func<TDoc, TId> idOf)
        {
            if (_pending.Count == 0)
                return;
            var existing = (await load([.. _pending.Keys])).ToDictionary(idOf);
            var documents = new List<TDoc>(_pending.Count);
            foreach (var (id, (create, changes)) in _pending)
            {
                var document = existing.GetValueOrDefault(id) ?? create();
                foreach (var change in changes)
                    change(document);
                documents.Add(document);
            }
            operations.Store(documents.ToArray());
        }
    }
}

/// <summary>The analytics projection's own record of a counted (not test) conversation.</summary>
public sealed class AnalyticsConversation
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Dictionary<Guid, TrackedQuestion> Questions { get; set; } = [];
}

/// <summary>A question's UTC day number, group key and the visitor's current vote on its answer.</summary>
public sealed class TrackedQuestion
{
    public int Day { get; set; }
    public string Key { get; set; } = "";
    public bool? Vote { get; set; }
}
