using CleanRag.Application.Plans;

namespace CleanRag.Application.Tests.Plans;

/// <summary>The plans section is checked at start-up: a mistake stops the service with a message naming it.</summary>
public class PlanCatalogTests
{
    private static PlanOptions Options(string defaultPlan = "business") => new()
    {
        DefaultPlan = defaultPlan,
        Definitions = new()
        {
            ["free"] = new PlanDefinitionOptions
            {
                Limits = new PlanLimitsOptions { Projects = 1, Documents = 20, StorageMegabytes = 50, MessagesPerMonth = 100 },
                Features = new() { [Features.OfficeHours] = true, [Features.Webhooks] = false },
            },
            ["business"] = new PlanDefinitionOptions
            {
                Features = Features.All.ToDictionary(f => f, _ => true),
            },
        },
    };

    [Test]
    public void A_valid_section_gives_each_plan_its_limits_and_every_feature_on_or_off()
    {
        var catalog = PlanCatalog.From(Options());

        catalog.Names.Should().BeEquivalentTo("free", "business");
        var free = catalog.For("free");
        free.Limits.Should().Be(new PlanLimits(1, 20, 50, 100));
        free.Limits.StorageBytes.Should().Be(50L * 1024 * 1024);
        free.Features.Keys.Should().BeEquivalentTo(Features.All, "a feature the section leaves out is listed as off");
        free.Allows(Features.OfficeHours).Should().BeTrue();
        free.Allows(Features.Webhooks).Should().BeFalse();
        free.Allows(Features.ApiAccess).Should().BeFalse("not listed means off");
        var business = catalog.For("business");
        business.Limits.Should().Be(new PlanLimits(null, null, null, null), "absent limits are unlimited");
        business.Limits.StorageBytes.Should().BeNull();
        Features.All.Should().OnlyContain(f => business.Allows(f));
    }

    [Test]
    public void A_company_without_a_plan_or_with_a_plan_no_longer_configured_gets_the_default()
    {
        var catalog = PlanCatalog.From(Options(defaultPlan: "free"));

        catalog.Default.Name.Should().Be("free");
        catalog.For(null).Name.Should().Be("free");
        catalog.For("enterprise").Name.Should().Be("free");
        catalog.Contains("enterprise").Should().BeFalse();
        catalog.Contains(null).Should().BeFalse();
        catalog.Contains("business").Should().BeTrue();
    }

    [Test]
    public void A_default_plan_that_is_not_defined_fails_naming_it_and_the_defined_plans()
    {
        var act = () => PlanCatalog.From(Options(defaultPlan: "gold"));

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*Plans:DefaultPlan 'gold' is not a defined plan; defined: free, business.*");
    }

    [Test]
    public void A_missing_default_plan_fails()
    {
        var options = Options();
        options.DefaultPlan = null;

        FluentActions.Invoking(() => PlanCatalog.From(options)).Should().Throw<InvalidOperationException>().WithMessage("*Plans:DefaultPlan is required.*");
    }

    [TestCase(nameof(PlanLimitsOptions.Projects))]
    [TestCase(nameof(PlanLimitsOptions.Documents))]
    [TestCase(nameof(PlanLimitsOptions.StorageMegabytes))]
    [TestCase(nameof(PlanLimitsOptions.MessagesPerMonth))]
    public void A_negative_limit_fails_naming_its_setting(string limit)
    {
        var options = Options();
        typeof(PlanLimitsOptions).GetProperty(limit)!.SetValue(options.Definitions["free"].Limits, -1);

        FluentActions.Invoking(() => PlanCatalog.From(options)).Should().Throw<InvalidOperationException>()
            .WithMessage($"*Plans:Definitions:free:Limits:{limit} is -1; a limit is 0 or more*");
    }

    [Test]
    public void A_zero_limit_is_allowed_it_refuses_everything()
    {
        var options = Options();
        options.Definitions["free"].Limits.MessagesPerMonth = 0;

        PlanCatalog.From(options).For("free").Limits.MessagesPerMonth.Should().Be(0);
    }

    [Test]
    public void An_unknown_feature_fails_so_a_typo_does_not_quietly_switch_it_off()
    {
        var options = Options();
        options.Definitions["free"].Features["remove_brandng"] = true;

        FluentActions.Invoking(() => PlanCatalog.From(options)).Should().Throw<InvalidOperationException>()
            .WithMessage("*Plans:Definitions:free:Features:remove_brandng is not a feature; known features: api_access, custom_css, remove_branding, human_handoff, webhooks, office_hours.*");
    }

    [TestCase("Pro")]
    [TestCase("pro plan")]
    [TestCase("")]
    public void A_plan_name_must_be_a_lowercase_word(string name)
    {
        var options = Options();
        options.Definitions[name] = new PlanDefinitionOptions();

        FluentActions.Invoking(() => PlanCatalog.From(options)).Should().Throw<InvalidOperationException>()
            .WithMessage($"*Plan name '{name}' must be lowercase letters, digits, '-' or '_'.*");
    }

    [Test]
    public void No_plans_at_all_fails_and_every_problem_is_listed_at_once()
    {
        FluentActions.Invoking(() => PlanCatalog.From(new PlanOptions())).Should().Throw<InvalidOperationException>()
            .WithMessage("Invalid plan configuration (section Plans): No plan is defined (Plans:Definitions). Plans:DefaultPlan is required.");
    }
}
