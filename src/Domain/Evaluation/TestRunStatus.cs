namespace CleanRag.Domain.Evaluation;

public enum TestRunStatus
{
    /// <summary>Started, waiting for its first prompt to be evaluated.</summary>
    Queued,
    Running,
    Completed,
    Failed,
}
