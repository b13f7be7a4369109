using System.Reflection;
using NetArchTest.Rules;

namespace CleanRag.Architecture.Tests;

/// <summary>The types a rule looks at: whole production assemblies, or one namespace of deliberate violations.</summary>
public sealed record TypeScope(string Description, Assembly[] Assemblies, string NamespacePrefix)
{
    public static TypeScope Layers(params Assembly[] assemblies) =>
        new(string.Join(", ", assemblies.Select(a => a.GetName().Name)), assemblies, "CleanRag");

    public static TypeScope Violations(string name) =>
        new($"violations: {name}", [typeof(TypeScope).Assembly], $"CleanRag.Architecture.Tests.Violations.{name}");

    public PredicateList Types() =>
        NetArchTest.Rules.Types.InAssemblies(Assemblies).That().ResideInNamespaceStartingWith(NamespacePrefix);

    public IEnumerable<Type> ReflectedTypes() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith(NamespacePrefix, StringComparison.Ordinal) == true)
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));

    public override string ToString() => Description;
}
