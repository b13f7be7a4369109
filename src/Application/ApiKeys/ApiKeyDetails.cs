using CleanRag.Domain.ApiKeys;

namespace CleanRag.Application.ApiKeys;

/// <summary>Read model of a key as listings show it: never the key, only its prefix.</summary>
public sealed class ApiKeyDetails
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public string Name { get; set; } = "";
    public ApiKeyEnvironment Environment { get; set; }
    public string Prefix { get; set; } = "";
    public ApiKeyStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}

public enum ApiKeyStatus
{
    Active,
    Revoked,
}

/// <summary>A key just issued: the only response that ever contains <see cref="Key"/>.</summary>
public sealed record IssuedApiKey(
    Guid Id, Guid ProjectId, string Name, ApiKeyEnvironment Environment, string Prefix, ApiKeyStatus Status, DateTimeOffset CreatedAt, string Key);
