using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;

namespace CleanRag.Domain.Tests.Companies;

public class CompanyInviteTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private const string InvitedEmail = "ada@example.com";
    private const string Token = "token-hash-1";

    private static (Company Company, Guid InviteId) InvitedCompany()
    {
        var company = new Company();
        company.ApplyEvent(Company.Create(Guid.NewGuid(), "Northwind", Guid.NewGuid(), "owner@example.com", "Owner", Now));
        var invited = company.Invite(Guid.NewGuid(), InvitedEmail, CompanyRole.Admin, Token, Now.AddDays(7), company.Members.Single().UserId);
        company.ApplyEvent(invited);
        return (company, invited.InviteId);
    }

    private static Action Accepting(Company company, string tokenHash = Token, string email = InvitedEmail, DateTimeOffset? at = null) =>
        () => company.AcceptInvite(tokenHash, Guid.NewGuid(), email, "Ada", at ?? Now);

    [Test]
    public void The_invited_email_joins_with_the_invited_role_in_any_letter_case()
    {
        var (company, inviteId) = InvitedCompany();

        var joined = company.AcceptInvite(Token, Guid.NewGuid(), " ADA@example.com", "Ada", Now.AddDays(7));

        joined.Should().Match<MemberJoined>(j => j.Role == CompanyRole.Admin && j.InviteId == inviteId && j.InviteTokenHash == Token);
        company.ApplyEvent(joined);
        company.Invites.Should().BeEmpty();
    }

    [Test]
    public void Every_invite_the_caller_may_not_accept_is_refused_alike()
    {
        var (company, inviteId) = InvitedCompany();
        var resent = InvitedCompany().Company;
        resent.ApplyEvent(resent.ResendInvite(resent.Invites.Single().InviteId, "token-hash-2", Now.AddDays(7)));
        var cancelled = InvitedCompany().Company;
        cancelled.ApplyEvent(cancelled.CancelInvite(cancelled.Invites.Single().InviteId));
        var accepted = InvitedCompany().Company;
        accepted.ApplyEvent(accepted.AcceptInvite(Token, Guid.NewGuid(), InvitedEmail, "Ada", Now));

        Action[] refused =
        [
            Accepting(company, email: "eve@example.com"),
            Accepting(company, at: Now.AddDays(7).AddTicks(1)),
            Accepting(company, tokenHash: "unknown"),
            Accepting(resent),
            Accepting(cancelled),
            Accepting(accepted),
        ];

        foreach (var accept in refused)
            accept.Should().Throw<DomainRuleViolationException>().Which.Should().Match<DomainRuleViolationException>(
                e => e.Code == "invite_not_found" && e.Message == "No such pending invite.");
        company.FindAcceptableInvite(Token, "eve@example.com", Now).Should().BeNull();
        company.FindAcceptableInvite(Token, InvitedEmail, Now)!.InviteId.Should().Be(inviteId);
        resent.FindAcceptableInvite("token-hash-2", InvitedEmail, Now).Should().NotBeNull("the resent token replaces the old one");
    }

    [Test]
    public void A_member_cannot_join_again()
    {
        var (company, _) = InvitedCompany();
        var ownerId = company.Members.Single().UserId;

        FluentActions.Invoking(() => company.AcceptInvite(Token, ownerId, InvitedEmail, "Ada", Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("already_member");
    }
}
