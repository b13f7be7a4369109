using CleanRag.Domain.Companies;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Plans;

/// <summary><c>CleanRag.Api plans set &lt;companyId&gt; &lt;plan&gt;</c>: the operator's only way to change a company's plan.</summary>
public class OperatorCommandLineTests
{
    private static async Task<IReadOnlyList<object>> CompanyEventsAsync(Guid companyId)
    {
        await using var session = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession(companyId.ToString());
        return [.. (await session.Events.FetchStreamAsync(companyId)).Select(e => e.Data)];
    }

    [Test]
    public async Task Setting_a_plan_records_the_change_on_the_companys_stream()
    {
        var owner = await TestActors.NewOwnerAsync();

        var first = await PlanOperator.RunAsync("plans", "set", owner.CompanyId.ToString(), "pro");
        var second = await PlanOperator.RunAsync("plans", "set", owner.CompanyId.ToString(), "free");

        first.ExitCode.Should().Be(0, first.Errors);
        first.Output.Should().Be($"Company {owner.CompanyId} is now on plan pro (was the default plan).{Environment.NewLine}");
        second.Output.Should().Contain("is now on plan free (was pro)");
        var changes = (await CompanyEventsAsync(owner.CompanyId)).OfType<CompanyPlanChanged>().ToList();
        changes.Select(c => (c.Plan, c.PreviousPlan)).Should().Equal(("pro", null), ("free", "pro"));
        changes.Should().OnlyContain(c => c.CompanyId == owner.CompanyId);
    }

    [Test]
    public async Task A_plan_that_is_not_configured_is_refused_and_nothing_is_recorded()
    {
        var owner = await TestActors.NewOwnerAsync();

        var outcome = await PlanOperator.RunAsync("plans", "set", owner.CompanyId.ToString(), "gold");

        outcome.ExitCode.Should().Be(1);
        outcome.Errors.Should().StartWith("validation_failed: plan must be one of the configured plans:").And.Contain("free").And.Contain("business");
        (await CompanyEventsAsync(owner.CompanyId)).OfType<CompanyPlanChanged>().Should().BeEmpty();
    }

    [Test]
    public async Task An_unknown_company_is_not_found()
    {
        var outcome = await PlanOperator.RunAsync("plans", "set", Guid.NewGuid().ToString(), "free");

        outcome.ExitCode.Should().Be(1);
        outcome.Errors.Should().StartWith("company_not_found:");
    }

    [TestCase("plans")]
    [TestCase("plans", "set", "not-a-company-id", "free")]
    [TestCase("plans", "set", "00000000-0000-0000-0000-000000000001")]
    [TestCase("plans", "remove", "00000000-0000-0000-0000-000000000001", "free")]
    public async Task Wrong_usage_prints_the_usage(params string[] args)
    {
        var outcome = await PlanOperator.RunAsync(args);

        outcome.ExitCode.Should().Be(2);
        outcome.Errors.Should().Contain("usage: CleanRag.Api plans set <companyId> <plan>");
    }

    [Test]
    public async Task The_configured_plans_are_listed_with_the_default_marked()
    {
        var outcome = await PlanOperator.RunAsync("plans", "list");

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal("business (default)", "free", "pro");
    }
}
