namespace CleanRag.Architecture.Tests;

/// <summary>
/// One rule of the design card: how to find the types that break it, the production code it guards,
/// and a namespace of deliberate violations that proves the check can fail.
/// </summary>
public sealed record ArchitectureRule(
    string Name,
    TypeScope Production,
    TypeScope DeliberateViolation,
    Func<TypeScope, IReadOnlyList<string>> FindViolations)
{
    public override string ToString() => Name;
}
