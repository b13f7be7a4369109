using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies;

/// <summary>
/// Which company a user belongs to, with which role: looked up on every authenticated request, so a
/// role change takes effect at once. Keyed by user id, which also makes a second membership impossible.
/// </summary>
public sealed class MembershipView
{
    public Guid Id { get; set; }
    public Guid CompanyId { get; set; }
    public CompanyRole Role { get; set; }
}
