using CleanRag.Domain.Common;

namespace CleanRag.Domain.Companies;

public sealed record CompanyCreated(Guid CompanyId, string Name, Guid OwnerId, string OwnerEmail, string OwnerName, DateTimeOffset CreatedAt)
    : IDomainEvent;

public sealed record CompanyRenamed(Guid CompanyId, string Name) : IDomainEvent;

public sealed record WorkspaceSettingsChanged(Guid CompanyId, WorkspaceSettings Settings) : IDomainEvent;

public sealed record MemberInvited(
    Guid CompanyId, Guid InviteId, string Email, CompanyRole Role, string TokenHash, DateTimeOffset ExpiresAt, Guid InvitedBy)
    : IDomainEvent;

public sealed record InviteResent(Guid CompanyId, Guid InviteId, string PreviousTokenHash, string TokenHash, DateTimeOffset ExpiresAt)
    : IDomainEvent;

public sealed record InviteCancelled(Guid CompanyId, Guid InviteId, string TokenHash) : IDomainEvent;

public sealed record MemberJoined(Guid CompanyId, Guid UserId, string Email, string Name, CompanyRole Role, Guid? InviteId, string? InviteTokenHash)
    : IDomainEvent;

public sealed record MemberRoleChanged(Guid CompanyId, Guid UserId, CompanyRole Role) : IDomainEvent;

public sealed record MemberRemoved(Guid CompanyId, Guid UserId) : IDomainEvent;

/// <summary>
/// The data retention job removed what the company's visitors left before <paramref name="Cutoff"/> (last activity older than
/// <paramref name="RetentionDays"/>): the counts are what the audit keeps of it.
/// </summary>
public sealed record RetentionApplied(
    Guid CompanyId, int RetentionDays, DateTimeOffset Cutoff, int ConversationsRemoved, int LeadsRemoved, DateTimeOffset AppliedAt) : IDomainEvent;
/// <summary>An operator put the company on another plan (<paramref name="Plan"/> names one of the configured plans).</summary>
public sealed record CompanyPlanChanged(Guid CompanyId, string Plan, string? PreviousPlan, DateTimeOffset ChangedAt) : IDomainEvent;
