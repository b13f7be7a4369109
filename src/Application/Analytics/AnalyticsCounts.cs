namespace CleanRag.Application.Analytics;

/// <summary>
/// What the analytics count, for one project over some period. Questions are counted on the day they were asked, and
/// what became of them (outcome, feedback) on that same day, so a range counts each question once with its latest rating.
/// Test conversations (the dashboard's test chat, <c>sk_test_</c> keys) are not counted.
/// </summary>
public abstract class AnalyticsCounts
{
    public Guid ProjectId { get; set; }
    public int Conversations { get; set; }

    /// <summary>Visitors' questions.</summary>
    public int Messages { get; set; }
    public int Answered { get; set; }

    /// <summary>The honest "I couldn't find that in the documents": nothing relevant was found (<c>QuestionUnanswered</c>).</summary>
    public int Unanswered { get; set; }

    /// <summary>An answer was generated but withheld as unsupported by the passages (<c>QuestionUnanswered</c> with <c>Refused</c>),
    /// as the inbox's <c>outcome=refused</c> means it.</summary>
    public int Refused { get; set; }

    /// <summary>Sum and number of the confidences of the bot's replies (answers and honest refusals).</summary>
    public double ConfidenceSum { get; set; }
    public int ConfidenceCount { get; set; }

    /// <summary>Questions whose latest rating is positive / negative (a changed vote moves, never adds).</summary>
    public int PositiveFeedback { get; set; }
    public int NegativeFeedback { get; set; }
    public int Escalations { get; set; }

    /// <summary>Escalations that left an email or a phone number.</summary>
    public int Leads { get; set; }

    /// <summary>Answer latencies per <see cref="LatencyHistogram"/> bucket.</summary>
    public int[] LatencyBuckets { get; set; } = new int[LatencyHistogram.BucketCount];

    /// <summary>Adds another period's counts to these.</summary>
    public void Add(AnalyticsCounts other)
    {
        Conversations += other.Conversations;
        Messages += other.Messages;
        Answered += other.Answered;
        Unanswered += other.Unanswered;
        Refused += other.Refused;
        ConfidenceSum += other.ConfidenceSum;
        ConfidenceCount += other.ConfidenceCount;
        PositiveFeedback += other.PositiveFeedback;
        NegativeFeedback += other.NegativeFeedback;
        Escalations += other.Escalations;
        Leads += other.Leads;
        LatencyHistogram.Merge(LatencyBuckets, other.LatencyBuckets);
    }
}

/// <summary>A sum of counts, for ranges and roll-ups.</summary>
public sealed class AnalyticsTotals : AnalyticsCounts;

/// <summary>One project's counts for one UTC day, with the questions asked that day grouped by <see cref="QuestionKey"/>.</summary>
public sealed class ProjectDayStats : AnalyticsCounts
{
    /// <summary><c>{projectId:N}:{yyyy-MM-dd}</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><see cref="DateOnly.DayNumber"/> of the UTC day: what ranges filter on.</summary>
    public int DayNumber { get; set; }

    /// <summary>Per question group: how often asked, left unanswered, rated negatively, and one wording.</summary>
    public Dictionary<string, QuestionTally> Questions { get; set; } = [];

    public static string IdFor(Guid projectId, int dayNumber) => $"{projectId:N}:{DateOnly.FromDayNumber(dayNumber):yyyy-MM-dd}";
}

/// <summary>One project's counts since its first conversation.</summary>
public sealed class ProjectAnalyticsTotals : AnalyticsCounts
{
    /// <summary>The project's id.</summary>
    public Guid Id { get; set; }
}

public sealed class QuestionTally
{
    public int Asked { get; set; }
    public int Unanswered { get; set; }
    public int NegativeFeedback { get; set; }

    /// <summary>A wording of the group as a visitor wrote it.</summary>
    public string Example { get; set; } = "";
}
