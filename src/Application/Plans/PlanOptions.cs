namespace CleanRag.Application.Plans;

/// <summary>
/// Configuration section <c>Plans</c>: the plans an installation offers and the one a company has until an operator
/// assigns another. <see cref="PlanCatalog.From"/> checks it at start-up.
/// </summary>
public sealed class PlanOptions
{
    public const string Section = "Plans";

    public string? DefaultPlan { get; set; }

    public Dictionary<string, PlanDefinitionOptions> Definitions { get; set; } = [];
}

public sealed class PlanDefinitionOptions
{
    public PlanLimitsOptions Limits { get; set; } = new();

    /// <summary>Feature name (see <see cref="Features"/>) → on; a feature not listed is off.</summary>
    public Dictionary<string, bool> Features { get; set; } = [];
}

/// <summary>Each limit is a maximum; null (or absent) is unlimited.</summary>
public sealed class PlanLimitsOptions
{
    public int? Projects { get; set; }
    public int? Documents { get; set; }
    public int? StorageMegabytes { get; set; }
    public int? MessagesPerMonth { get; set; }
}
