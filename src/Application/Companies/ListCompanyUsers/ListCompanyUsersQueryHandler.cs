using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Companies.ListCompanyUsers;

public sealed class ListCompanyUsersQueryHandler(IRequestContext context, IReadStore readStore)
    : IQueryHandler<ListCompanyUsersQuery, IReadOnlyList<TeamMember>>
{
    public async ValueTask<IReadOnlyList<TeamMember>> Handle(ListCompanyUsersQuery query, CancellationToken cancellationToken)
    {
        var company = await readStore.LoadCurrentAsync(context, cancellationToken);
        return company.Members
            .OrderBy(m => m.JoinedAt)
            .Select(m => new TeamMember(m.UserId, m.Email, m.Name, m.Role, "active", null))
            .Concat(company.Invites.Select(i => new TeamMember(i.InviteId, i.Email, null, i.Role, "invited", i.ExpiresAt)))
            .ToList();
    }
}
