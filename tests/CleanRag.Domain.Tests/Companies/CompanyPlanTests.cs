using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;

namespace CleanRag.Domain.Tests.Companies;

/// <summary>A company's plan is a fact on its stream: each change names the plan and the one it replaced.</summary>
public class CompanyPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_new_company_has_no_plan_of_its_own_and_each_change_remembers_the_previous_one()
    {
        var company = new Company();
        company.ApplyEvent(Company.Create(Guid.NewGuid(), "Northwind", Guid.NewGuid(), "owner@northwind.example", "Olive", Now));
        company.Plan.Should().BeNull("the installation's default plan applies");

        var first = company.ChangePlan("pro", Now);
        company.ApplyEvent(first);
        var second = company.ChangePlan("free", Now.AddDays(30));
        company.ApplyEvent(second);

        first.Should().Be(new CompanyPlanChanged(company.Id, "pro", null, Now));
        second.Should().Be(new CompanyPlanChanged(company.Id, "free", "pro", Now.AddDays(30)));
        company.Plan.Should().Be("free");
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_change_must_name_a_plan(string plan)
    {
        var company = new Company();
        company.ApplyEvent(Company.Create(Guid.NewGuid(), "Northwind", Guid.NewGuid(), "owner@northwind.example", "Olive", Now));

        company.Invoking(c => c.ChangePlan(plan, Now)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("plan_required");
    }
}
