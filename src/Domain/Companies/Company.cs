using CleanRag.Domain.Common;

namespace CleanRag.Domain.Companies;

/// <summary>
/// A customer company (the tenant): its name, workspace defaults, members with roles, and pending invites.
/// Guards the team rules: one membership per user, and never a company without an owner.
/// </summary>
public sealed class Company : AggregateRoot
{
    private readonly Dictionary<Guid, Member> _members = [];
    private readonly Dictionary<Guid, PendingInvite> _invites = [];

    public string Name { get; private set; } = "";
    public WorkspaceSettings Settings { get; private set; } = WorkspaceSettings.Default;

    /// <summary>The plan an operator assigned; null until one is (the installation's default plan applies).</summary>
    public string? Plan { get; private set; }
    public IReadOnlyCollection<Member> Members => _members.Values;
    public IReadOnlyCollection<PendingInvite> Invites => _invites.Values;

    public sealed record Member(Guid UserId, string Email, string Name, CompanyRole Role);

    public sealed record PendingInvite(Guid InviteId, string Email, CompanyRole Role, string TokenHash, DateTimeOffset ExpiresAt);

    public static CompanyCreated Create(Guid companyId, string name, Guid ownerId, string ownerEmail, string ownerName, DateTimeOffset now) =>
        new(companyId, name.Trim(), ownerId, ownerEmail, ownerName, now);

    public CompanyRenamed Rename(string name) => new(Id, name.Trim());

    public WorkspaceSettingsChanged ChangeSettings(WorkspaceSettings settings) => new(Id, settings);

    /// <summary>Where retention cuts on <paramref name="now"/>: what was last active before it is removed.</summary>
    public DateTimeOffset RetentionCutoff(DateTimeOffset now) => now.AddDays(-Settings.DataRetentionDays);

    /// <summary>
    /// Records what the retention job removed as of <paramref name="now"/> (everything last active before
    /// <see cref="RetentionCutoff"/>); null when it removed nothing, so a quiet day leaves no record.
    /// </summary>
    public RetentionApplied? RecordRetention(int conversationsRemoved, int leadsRemoved, DateTimeOffset now)
    {
        if (conversationsRemoved < 0 || leadsRemoved < 0)
            throw new DomainRuleViolationException("invalid_count", "Retention removes zero or more conversations and leads.");
        return conversationsRemoved + leadsRemoved == 0
            ? null
            : new RetentionApplied(Id, Settings.DataRetentionDays, RetentionCutoff(now), conversationsRemoved, leadsRemoved, now);
    }

    /// <summary>Which plan names exist is configuration, checked by the caller; the company only refuses a change to nothing.</summary>
    public CompanyPlanChanged ChangePlan(string plan, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(plan))
            throw new DomainRuleViolationException("plan_required", "A plan must be named.");
        return new CompanyPlanChanged(Id, plan, Plan, now);
    }

    public MemberInvited Invite(Guid inviteId, string email, CompanyRole role, string tokenHash, DateTimeOffset expiresAt, Guid invitedBy)
    {
        if (_members.Values.Any(m => SameEmail(m.Email, email)))
            throw new DomainRuleViolationException("already_member", "This person is already a member of the company.");
        if (_invites.Values.Any(i => SameEmail(i.Email, email)))
            throw new DomainRuleViolationException("already_invited", "This person already has a pending invite; resend it instead.");
        return new MemberInvited(Id, inviteId, email.Trim(), role, tokenHash, expiresAt, invitedBy);
    }

    public InviteResent ResendInvite(Guid inviteId, string tokenHash, DateTimeOffset expiresAt)
    {
        var invite = PendingInviteOrThrow(inviteId);
        return new InviteResent(Id, inviteId, invite.TokenHash, tokenHash, expiresAt);
    }

    public InviteCancelled CancelInvite(Guid inviteId) => new(Id, inviteId, PendingInviteOrThrow(inviteId).TokenHash);

    /// <summary>
    /// The pending invite with this token that <paramref name="email"/> may accept now; null when there is none —
    /// whether the token was never issued, replaced by a resend, cancelled, already accepted, expired, or sent to
    /// someone else. Callers answer all of these alike, so a token never reveals whether it is valid for another person.
    /// </summary>
    public PendingInvite? FindAcceptableInvite(string tokenHash, string email, DateTimeOffset now) =>
        _invites.Values.FirstOrDefault(i => i.TokenHash == tokenHash && i.ExpiresAt >= now && SameEmail(i.Email, email));

    public MemberJoined AcceptInvite(string tokenHash, Guid userId, string email, string name, DateTimeOffset now)
    {
        var invite = FindAcceptableInvite(tokenHash, email, now)
                     ?? throw new DomainRuleViolationException("invite_not_found", "No such pending invite.");
        if (_members.ContainsKey(userId))
            throw new DomainRuleViolationException("already_member", "You are already a member of the company.");
        return new MemberJoined(Id, userId, email, name, invite.Role, invite.InviteId, invite.TokenHash);
    }

    public MemberRoleChanged ChangeRole(Guid userId, CompanyRole role)
    {
        var member = MemberOrThrow(userId);
        if (member.Role == CompanyRole.Owner && role != CompanyRole.Owner)
            EnsureAnotherOwner(userId);
        return new MemberRoleChanged(Id, userId, role);
    }

    public MemberRemoved Remove(Guid userId)
    {
        var member = MemberOrThrow(userId);
        if (member.Role == CompanyRole.Owner)
            EnsureAnotherOwner(userId);
        return new MemberRemoved(Id, userId);
    }

    public Member? FindMember(Guid userId) => _members.GetValueOrDefault(userId);

    public PendingInvite? FindInvite(Guid inviteId) => _invites.GetValueOrDefault(inviteId);

    private void EnsureAnotherOwner(Guid userId)
    {
        if (!_members.Values.Any(m => m.Role == CompanyRole.Owner && m.UserId != userId))
            throw new DomainRuleViolationException("last_owner", "The last owner cannot be removed or demoted; make someone else owner first.");
    }

    private Member MemberOrThrow(Guid userId) =>
        _members.GetValueOrDefault(userId) ?? throw new DomainRuleViolationException("member_not_found", "No such member.");

    private PendingInvite PendingInviteOrThrow(Guid inviteId) =>
        _invites.GetValueOrDefault(inviteId) ?? throw new DomainRuleViolationException("invite_not_found", "No such pending invite.");

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CompanyCreated e:
                Id = e.CompanyId;
                Name = e.Name;
                _members[e.OwnerId] = new Member(e.OwnerId, e.OwnerEmail, e.OwnerName, CompanyRole.Owner);
                break;
            case CompanyRenamed e:
                Name = e.Name;
                break;
            case WorkspaceSettingsChanged e:
                Settings = e.Settings;
                break;
            case CompanyPlanChanged e:
                Plan = e.Plan;
                break;
            case MemberInvited e:
                _invites[e.InviteId] = new PendingInvite(e.InviteId, e.Email, e.Role, e.TokenHash, e.ExpiresAt);
                break;
            case InviteResent e:
                _invites[e.InviteId] = _invites[e.InviteId] with { TokenHash = e.TokenHash, ExpiresAt = e.ExpiresAt };
                break;
            case InviteCancelled e:
                _invites.Remove(e.InviteId);
                break;
            case MemberJoined e:
                if (e.InviteId is { } inviteId)
                    _invites.Remove(inviteId);
                _members[e.UserId] = new Member(e.UserId, e.Email, e.Name, e.Role);
                break;
            case MemberRoleChanged e:
                _members[e.UserId] = _members[e.UserId] with { Role = e.Role };
                break;
            case MemberRemoved e:
                _members.Remove(e.UserId);
                break;
            case RetentionApplied:
                break; // an audit record: nothing the company decides on changes
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
