using CleanRag.Domain.Companies;

namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Resolves an authenticated caller's company and role on every request, from the server's own
/// records rather than token claims, so a role change or removal takes effect at once.
/// </summary>
public interface ICallerLookup
{
    Task<CallerMembership?> FindMembershipAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>For tokens of an external OIDC provider, whose subject is not a CleanRag user id.</summary>
    Task<Guid?> FindUserIdByEmailAsync(string email, CancellationToken cancellationToken);
}

public sealed record CallerMembership(Guid CompanyId, CompanyRole Role);
