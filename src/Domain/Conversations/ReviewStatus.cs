namespace CleanRag.Domain.Conversations;

/// <summary>Where the team's review of a conversation stands: every conversation starts <see cref="New"/>.</summary>
public enum ReviewStatus
{
    New,
    Reviewed,
    NeedsFollowUp,
}
