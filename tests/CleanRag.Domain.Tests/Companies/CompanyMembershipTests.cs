using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;

namespace CleanRag.Domain.Tests.Companies;

/// <summary>Who belongs to a company and with which role; a company never loses its last owner.</summary>
public class CompanyMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();

    private static Company Founded()
    {
        var company = new Company();
        company.ApplyEvent(Company.Create(Guid.NewGuid(), "  Northwind  ", Owner, "owner@northwind.example", "Olive Owner", Now));
        return company;
    }

    private static Guid Join(Company company, string email, CompanyRole role)
    {
        company.ApplyEvent(company.Invite(Guid.NewGuid(), email, role, $"hash-{email}", Now.AddDays(7), Owner));
        var userId = Guid.NewGuid();
        company.ApplyEvent(company.AcceptInvite($"hash-{email}", userId, email, "Someone", Now));
        return userId;
    }

    private static DomainRuleViolationException Refused(Func<object> decide) =>
        FluentActions.Invoking(decide).Should().Throw<DomainRuleViolationException>().Which;

    [Test]
    public void The_founder_is_its_first_owner()
    {
        var company = Founded();

        company.Members.Should().ContainSingle().Which.Should().Be(
            new Company.Member(Owner, "owner@northwind.example", "Olive Owner", CompanyRole.Owner));
    }

    [Test]
    public void The_last_owner_can_be_neither_demoted_nor_removed()
    {
        var company = Founded();

        Refused(() => company.ChangeRole(Owner, CompanyRole.Admin)).Code.Should().Be("last_owner");
        Refused(() => company.Remove(Owner)).Code.Should().Be("last_owner");
    }

    [Test]
    public void An_owner_can_step_down_once_another_owner_exists()
    {
        var company = Founded();
        var second = Join(company, "second@northwind.example", CompanyRole.Owner);

        company.ApplyEvent(company.ChangeRole(Owner, CompanyRole.Member));

        company.FindMember(Owner)!.Role.Should().Be(CompanyRole.Member);
        company.FindMember(second)!.Role.Should().Be(CompanyRole.Owner);
    }

    [Test]
    public void A_member_or_a_pending_invitee_is_not_invited_twice()
    {
        var company = Founded();
        Join(company, "member@northwind.example", CompanyRole.Member);
        company.ApplyEvent(company.Invite(Guid.NewGuid(), "pending@northwind.example", CompanyRole.Member, "hash", Now.AddDays(7), Owner));

        Refused(() => company.Invite(Guid.NewGuid(), "MEMBER@northwind.example", CompanyRole.Admin, "h2", Now.AddDays(7), Owner))
            .Code.Should().Be("already_member");
        Refused(() => company.Invite(Guid.NewGuid(), "pending@northwind.example", CompanyRole.Admin, "h3", Now.AddDays(7), Owner))
            .Code.Should().Be("already_invited");
    }

    [Test]
    public void A_removed_member_is_gone()
    {
        var company = Founded();
        var member = Join(company, "member@northwind.example", CompanyRole.Member);

        company.ApplyEvent(company.Remove(member));

        company.FindMember(member).Should().BeNull();
        Refused(() => company.ChangeRole(member, CompanyRole.Admin)).Code.Should().Be("member_not_found");
    }
}
