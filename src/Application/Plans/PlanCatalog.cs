using System.Text.RegularExpressions;

namespace CleanRag.Application.Plans;

/// <summary>
/// The installation's plans, checked once at start-up so a typo in configuration stops the service with a clear message
/// instead of quietly giving every company the wrong limits.
/// </summary>
public sealed partial class PlanCatalog
{
    private readonly Dictionary<string, Plan> _plans;

    private PlanCatalog(Dictionary<string, Plan> plans, Plan defaultPlan)
    {
        _plans = plans;
        Default = defaultPlan;
    }

    /// <summary>The plan of a company no operator assigned one to (<c>Plans:DefaultPlan</c>).</summary>
    public Plan Default { get; }

    public IReadOnlyCollection<string> Names => _plans.Keys;

    public bool Contains(string? name) => name is not null && _plans.ContainsKey(name);

    /// <summary>
    /// The plan named <paramref name="name"/>; the default plan for no name, or for a plan an operator assigned and a later
    /// configuration removed (the company keeps working, on the installation's default terms).
    /// </summary>
    public Plan For(string? name) => name is not null && _plans.TryGetValue(name, out var plan) ? plan : Default;

    /// <exception cref="InvalidOperationException">The configuration is invalid; the message lists every problem.</exception>
    public static PlanCatalog From(PlanOptions options)
    {
        var problems = Problems(options).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"Invalid plan configuration (section {PlanOptions.Section}): {string.Join(" ", problems)}");

        var plans = options.Definitions.ToDictionary(
            d => d.Key,
            d => new Plan(d.Key,
                new PlanLimits(d.Value.Limits.Projects, d.Value.Limits.Documents, d.Value.Limits.StorageMegabytes, d.Value.Limits.MessagesPerMonth),
                Features.All.ToDictionary(f => f, f => d.Value.Features.TryGetValue(f, out var on) && on)),
            StringComparer.Ordinal);
        return new PlanCatalog(plans, plans[options.DefaultPlan!]);
    }

    private static IEnumerable<string> Problems(PlanOptions options)
    {
        if (options.Definitions.Count == 0)
            yield return "No plan is defined (Plans:Definitions).";
        foreach (var (name, plan) in options.Definitions)
        {
            if (!PlanName().IsMatch(name))
                yield return $"Plan name '{name}' must be lowercase letters, digits, '-' or '_'.";
            foreach (var (limit, value) in Limits(plan.Limits))
            {
                if (value < 0)
                    yield return $"Plans:Definitions:{name}:Limits:{limit} is {value}; a limit is 0 or more (leave it out or null for unlimited).";
            }
            foreach (var feature in plan.Features.Keys.Where(f => !Features.All.Contains(f)))
                yield return $"Plans:Definitions:{name}:Features:{feature} is not a feature; known features: {string.Join(", ", Features.All)}.";
        }
        if (string.IsNullOrWhiteSpace(options.DefaultPlan))
            yield return "Plans:DefaultPlan is required.";
        else if (!options.Definitions.ContainsKey(options.DefaultPlan))
            yield return $"Plans:DefaultPlan '{options.DefaultPlan}' is not a defined plan; defined: {string.Join(", ", options.Definitions.Keys)}.";
    }

    private static IEnumerable<(string Name, int? Value)> Limits(PlanLimitsOptions limits) =>
    [
        (nameof(limits.Projects), limits.Projects),
        (nameof(limits.Documents), limits.Documents),
        (nameof(limits.StorageMegabytes), limits.StorageMegabytes),
        (nameof(limits.MessagesPerMonth), limits.MessagesPerMonth),
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex PlanName();
}
