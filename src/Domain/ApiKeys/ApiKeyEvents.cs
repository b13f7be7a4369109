using CleanRag.Domain.Common;

namespace CleanRag.Domain.ApiKeys;

/// <summary>
/// A key was issued for a project. Only <paramref name="KeyHash"/> (a peppered HMAC of the key) and the
/// display <paramref name="Prefix"/> are kept; the key itself is shown once to its creator and never stored.
/// </summary>
public sealed record ApiKeyIssued(
    Guid KeyId, Guid ProjectId, string Name, ApiKeyEnvironment Environment, string Prefix, string KeyHash, Guid IssuedBy, DateTimeOffset IssuedAt)
    : IDomainEvent;

/// <summary>The key stops working at once. <paramref name="Reason"/>: revoked, rotated or redeployed.</summary>
public sealed record ApiKeyRevoked(Guid KeyId, Guid ProjectId, string KeyHash, string Reason, Guid RevokedBy, DateTimeOffset RevokedAt) : IDomainEvent;
