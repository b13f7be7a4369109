namespace CleanRag.Domain.Common;

/// <summary>
/// Raised by an aggregate when a command would break one of its invariants.
/// <see cref="Code"/> is a stable snake_case identifier that clients can branch on.
/// </summary>
public sealed class DomainRuleViolationException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
