using CleanRag.Domain.Common;

namespace CleanRag.Domain.ApiKeys;

/// <summary>A project's API key: issued once, revoked for good. Its stream is the key's audit trail.</summary>
public sealed class ApiKey : AggregateRoot
{
    public const int PrefixLength = 12;

    public Guid ProjectId { get; private set; }
    public string Name { get; private set; } = "";
    public ApiKeyEnvironment Environment { get; private set; }
    public string Prefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public bool IsRevoked { get; private set; }

    public static ApiKeyIssued Issue(
        Guid keyId, Guid projectId, string name, ApiKeyEnvironment environment, string key, string keyHash, Guid issuedBy, DateTimeOffset now)
    {
        if (key.Length <= PrefixLength)
            throw new DomainRuleViolationException("invalid_key", "An API key must be longer than its display prefix.");
        return new ApiKeyIssued(keyId, projectId, name.Trim(), environment, key[..PrefixLength], keyHash, issuedBy, now);
    }

    public ApiKeyRevoked Revoke(string reason, Guid revokedBy, DateTimeOffset now)
    {
        if (IsRevoked)
            throw new DomainRuleViolationException("key_revoked", "The key is already revoked.");
        return new ApiKeyRevoked(Id, ProjectId, KeyHash, reason, revokedBy, now);
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ApiKeyIssued e:
                Id = e.KeyId;
                ProjectId = e.ProjectId;
                Name = e.Name;
                Environment = e.Environment;
                Prefix = e.Prefix;
                KeyHash = e.KeyHash;
                break;
            case ApiKeyRevoked:
                IsRevoked = true;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
