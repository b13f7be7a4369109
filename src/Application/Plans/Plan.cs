namespace CleanRag.Application.Plans;

/// <summary>A plan as configured: its limits and every known feature, on or off.</summary>
public sealed record Plan(string Name, PlanLimits Limits, IReadOnlyDictionary<string, bool> Features)
{
    public bool Allows(string feature) => Features.TryGetValue(feature, out var allowed) && allowed;
}

/// <summary>Maximums of a plan; null is unlimited.</summary>
public sealed record PlanLimits(int? Projects, int? Documents, int? StorageMegabytes, int? MessagesPerMonth)
{
    public long? StorageBytes => StorageMegabytes * 1024L * 1024L;
}
