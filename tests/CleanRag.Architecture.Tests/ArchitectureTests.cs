namespace CleanRag.Architecture.Tests;

/// <summary>
/// Each rule is checked twice: the production code must follow it, and the same check must catch the
/// deliberate violation kept in this assembly, so no rule can silently pass by checking nothing.
/// </summary>
public class ArchitectureTests
{
    private static IEnumerable<ArchitectureRule> Rules() => ArchitectureRules.All();

    [TestCaseSource(nameof(Rules))]
    public void Production_code_follows_the_rule(ArchitectureRule rule)
    {
        rule.Production.ReflectedTypes().Should().NotBeEmpty("the rule must look at some production types");
        rule.FindViolations(rule.Production).Should().BeEmpty();
    }

    [TestCaseSource(nameof(Rules))]
    public void The_rule_catches_a_deliberate_violation(ArchitectureRule rule) =>
        rule.FindViolations(rule.DeliberateViolation).Should().NotBeEmpty();
}
