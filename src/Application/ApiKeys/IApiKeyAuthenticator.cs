using CleanRag.Application.Companies;
using CleanRag.Application.Projects;
using CleanRag.Domain.ApiKeys;

namespace CleanRag.Application.ApiKeys;

/// <summary>
/// Resolves a presented API key to its project, or null when it is missing, unknown or revoked. Callers
/// must not be able to tell those cases apart, by the answer or by its timing.
/// </summary>
public interface IApiKeyAuthenticator
{
    Task<ApiKeyCaller?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken);
}

/// <summary>Who an authenticated key speaks for, the rate limit that applies to it, and the browser origins its project allows.</summary>
public sealed record ApiKeyCaller(
    Guid KeyId, Guid CompanyId, Guid ProjectId, ApiKeyEnvironment Environment, int RequestsPerMinute, IReadOnlyList<string> AllowedOrigins)
{
    public bool IsTest => Environment == ApiKeyEnvironment.Test;

    /// <summary>
    /// The key's project and company as read to authenticate it (one round trip): the request uses them rather than
    /// reading them again. Null when not read (then they are loaded as usual).
    /// </summary>
    public ProjectDetails? Project { get; init; }

    /// <inheritdoc cref="Project"/>
    public CompanyDetails? Company { get; init; }
}
