using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies;

/// <summary>A pending invite, found by the SHA-256 hash of its token (the token itself is never stored).</summary>
public sealed class InviteView
{
    public string Id { get; set; } = "";
    public Guid CompanyId { get; set; }
    public Guid InviteId { get; set; }
    public string Email { get; set; } = "";
    public CompanyRole Role { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
