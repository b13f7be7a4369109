using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;

namespace CleanRag.Domain.Tests.Companies;

public class CompanyRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Company WithRetention(int days)
    {
        var company = new Company();
        company.ApplyEvent(Company.Create(Guid.NewGuid(), "Northwind", Guid.NewGuid(), "owner@example.com", "Owner", Now.AddYears(-2)));
        company.ApplyEvent(company.ChangeSettings(WorkspaceSettings.Default with { DataRetentionDays = days }));
        return company;
    }

    [Test]
    public void Retention_cuts_at_the_configured_number_of_days_before_now()
    {
        WithRetention(30).RetentionCutoff(Now).Should().Be(Now.AddDays(-30));
        WithRetention(365).RetentionCutoff(Now).Should().Be(Now.AddDays(-365));
    }

    [Test]
    public void What_retention_removed_is_recorded_with_the_cutoff_and_the_days_it_was_applied_with()
    {
        var company = WithRetention(30);

        var applied = company.RecordRetention(conversationsRemoved: 3, leadsRemoved: 1, Now)!;
        company.ApplyEvent(applied);

        applied.Should().Be(new RetentionApplied(company.Id, 30, Now.AddDays(-30), 3, 1, Now));
        company.Settings.DataRetentionDays.Should().Be(30, "recording changes no setting");
    }

    [Test]
    public void A_run_that_removed_nothing_leaves_no_record()
    {
        WithRetention(30).RecordRetention(0, 0, Now).Should().BeNull();
    }

    [Test]
    public void Counts_cannot_be_negative()
    {
        WithRetention(30).Invoking(c => c.RecordRetention(-1, 0, Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("invalid_count");
    }
}
