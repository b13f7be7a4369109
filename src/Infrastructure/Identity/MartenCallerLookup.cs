using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Application.Users;
using Marten;

namespace CleanRag.Infrastructure.Identity;

/// <summary>Reads the global membership lookup with its own session (the request's tenant is not known yet).</summary>
internal sealed class MartenCallerLookup(IDocumentStore store) : ICallerLookup
{
    public async Task<CallerMembership?> FindMembershipAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var membership = await session.LoadAsync<MembershipView>(userId, cancellationToken);
        return membership is null ? null : new CallerMembership(membership.CompanyId, membership.Role);
    }

    public async Task<Guid?> FindUserIdByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var normalized = email.Trim().ToLowerInvariant();
        var user = await session.Query<UserAccountView>().FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        return user?.Id;
    }
}
