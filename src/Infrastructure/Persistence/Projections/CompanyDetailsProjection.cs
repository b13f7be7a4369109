using CleanRag.Application.Companies;
using CleanRag.Domain.Companies;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class CompanyDetailsProjection : SingleStreamProjection<CompanyDetails, Guid>
{
    public static CompanyDetails Create(IEvent<CompanyCreated> e) => new()
    {
        Id = e.Data.CompanyId,
        Name = e.Data.Name,
        CreatedAt = e.Data.CreatedAt,
        Members = [new CompanyMember(e.Data.OwnerId, e.Data.OwnerEmail, e.Data.OwnerName, CompanyRole.Owner, e.Data.CreatedAt)],
        Version = e.Version,
    };

    public void Apply(IEvent<CompanyRenamed> e, CompanyDetails view)
    {
        view.Name = e.Data.Name;
        view.Version = e.Version;
    }

    public void Apply(IEvent<WorkspaceSettingsChanged> e, CompanyDetails view)
    {
        view.Settings = e.Data.Settings;
        view.Version = e.Version;
    }

    public void Apply(IEvent<CompanyPlanChanged> e, CompanyDetails view)
    {
        view.Plan = e.Data.Plan;
        view.Version = e.Version;
    }

    public void Apply(IEvent<MemberInvited> e, CompanyDetails view)
    {
        view.Invites.Add(new CompanyInvite(e.Data.InviteId, e.Data.Email, e.Data.Role, e.Data.ExpiresAt));
        view.Version = e.Version;
    }

    public void Apply(IEvent<InviteResent> e, CompanyDetails view)
    {
        var index = view.Invites.FindIndex(i => i.InviteId == e.Data.InviteId);
        if (index >= 0)
            view.Invites[index] = view.Invites[index] with { ExpiresAt = e.Data.ExpiresAt };
        view.Version = e.Version;
    }

    public void Apply(IEvent<InviteCancelled> e, CompanyDetails view)
    {
        view.Invites.RemoveAll(i => i.InviteId == e.Data.InviteId);
        view.Version = e.Version;
    }

    public void Apply(IEvent<MemberJoined> e, CompanyDetails view)
    {
        view.Invites.RemoveAll(i => i.InviteId == e.Data.InviteId);
        view.Members.Add(new CompanyMember(e.Data.UserId, e.Data.Email, e.Data.Name, e.Data.Role, e.Timestamp));
        view.Version = e.Version;
    }

    public void Apply(IEvent<MemberRoleChanged> e, CompanyDetails view)
    {
        var index = view.Members.FindIndex(m => m.UserId == e.Data.UserId);
        if (index >= 0)
            view.Members[index] = view.Members[index] with { Role = e.Data.Role };
        view.Version = e.Version;
    }

    public void Apply(IEvent<MemberRemoved> e, CompanyDetails view)
    {
        view.Members.RemoveAll(m => m.UserId == e.Data.UserId);
        view.Version = e.Version;
    }
}
