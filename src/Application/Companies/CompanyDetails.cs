using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies;

/// <summary>Read model of a company: profile, workspace defaults, team and pending invites.</summary>
public sealed class CompanyDetails
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public WorkspaceSettings Settings { get; set; } = WorkspaceSettings.Default;

    /// <summary>The plan an operator assigned; null: the installation's default plan.</summary>
    public string? Plan { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<CompanyMember> Members { get; set; } = [];
    public List<CompanyInvite> Invites { get; set; } = [];
    public long Version { get; set; }
}

public sealed record CompanyMember(Guid UserId, string Email, string Name, CompanyRole Role, DateTimeOffset JoinedAt);

public sealed record CompanyInvite(Guid InviteId, string Email, CompanyRole Role, DateTimeOffset ExpiresAt);
