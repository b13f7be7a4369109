using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies;

public sealed record CompanyResult(Guid Id, string Name, WorkspaceSettings Settings, DateTimeOffset CreatedAt, int MemberCount, long Version)
{
    public static CompanyResult From(CompanyDetails company) =>
        new(company.Id, company.Name, company.Settings, company.CreatedAt, company.Members.Count, company.Version);
}

/// <summary>A line of the team list: an active member, or a pending invite (whose id is the invite id).</summary>
public sealed record TeamMember(Guid Id, string Email, string? Name, CompanyRole Role, string Status, DateTimeOffset? InviteExpiresAt);
