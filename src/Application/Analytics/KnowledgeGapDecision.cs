namespace CleanRag.Application.Analytics;

/// <summary>An admin's latest decision about a knowledge gap (dismissed or done), kept inline from the project's events.</summary>
public sealed class KnowledgeGapDecision
{
    /// <summary>The gap's id (its question group's).</summary>
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary><c>dismissed</c> or <c>done</c>.</summary>
    public string Status { get; set; } = "";
    public Guid DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}
