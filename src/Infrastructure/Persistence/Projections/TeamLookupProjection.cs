using CleanRag.Application.Companies;
using CleanRag.Domain.Companies;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>
/// Keeps the global lookups that requests need before they know their tenant: a user's membership
/// (company and role) and pending invites by token hash. Inline, so they change with the company's events.
/// A membership is inserted, not upserted: its key is the user id, so a second company fails the transaction.
/// </summary>
internal sealed partial class TeamLookupProjection : EventProjection
{
    public void Project(IEvent<CompanyCreated> e, IDocumentOperations operations) =>
        operations.Insert(new MembershipView { Id = e.Data.OwnerId, CompanyId = e.Data.CompanyId, Role = CompanyRole.Owner });

    public void Project(IEvent<MemberJoined> e, IDocumentOperations operations)
    {
        operations.Insert(new MembershipView { Id = e.Data.UserId, CompanyId = e.Data.CompanyId, Role = e.Data.Role });
        if (e.Data.InviteTokenHash is { } tokenHash)
            operations.Delete<InviteView>(tokenHash);
    }

    public void Project(IEvent<MemberRoleChanged> e, IDocumentOperations operations) =>
        operations.Store(new MembershipView { Id = e.Data.UserId, CompanyId = e.Data.CompanyId, Role = e.Data.Role });

    public void Project(IEvent<MemberRemoved> e, IDocumentOperations operations) =>
        operations.Delete<MembershipView>(e.Data.UserId);

    public void Project(IEvent<MemberInvited> e, IDocumentOperations operations) =>
        operations.Store(new InviteView
        {
            Id = e.Data.TokenHash, CompanyId = e.Data.CompanyId, InviteId = e.Data.InviteId,
            Email = e.Data.Email, Role = e.Data.Role, ExpiresAt = e.Data.ExpiresAt,
        });

    public async Task Project(IEvent<InviteResent> e, IDocumentOperations operations)
    {
        var previous = await operations.LoadAsync<InviteView>(e.Data.PreviousTokenHash);
        operations.Delete<InviteView>(e.Data.PreviousTokenHash);
        if (previous is not null)
        {
            previous.Id = e.Data.TokenHash;
            previous.ExpiresAt = e.Data.ExpiresAt;
            operations.Store(previous);
        }
    }

    public void Project(IEvent<InviteCancelled> e, IDocumentOperations operations) =>
        operations.Delete<InviteView>(e.Data.TokenHash);
}
