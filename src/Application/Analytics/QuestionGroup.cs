namespace CleanRag.Application.Analytics;

/// <summary>
/// A project's questions of one <see cref="QuestionKey"/>, since the first: the source of knowledge gaps. Its id is
/// <see cref="QuestionKey.GroupId"/>, which is also the gap's id.
/// </summary>
public sealed class QuestionGroup
{
    public const int MaxExamples = 5;

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>The first distinct wordings, up to <see cref="MaxExamples"/>.</summary>
    public List<string> Examples { get; set; } = [];
    public int Asked { get; set; }
    public int Unanswered { get; set; }

    /// <summary>Questions of the group whose latest rating is negative.</summary>
    public int NegativeFeedback { get; set; }

    /// <summary>Unanswered plus negatively rated: how much visitors miss this content; what gaps are sorted by.</summary>
    public int Impact { get; set; }
    public DateTimeOffset LastAskedAt { get; set; }

    /// <summary>The last time a question of the group went unanswered or was rated negatively.</summary>
    public DateTimeOffset? LastProblemAt { get; set; }
}
