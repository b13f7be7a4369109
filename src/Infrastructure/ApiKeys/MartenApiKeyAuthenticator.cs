using System.Collections.Concurrent;
using System.Security.Cryptography;
using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common;
using CleanRag.Application.Companies;
using CleanRag.Application.Projects;
using CleanRag.Infrastructure.Persistence;
using Marten;
using Marten.Patching;

namespace CleanRag.Infrastructure.ApiKeys;

/// <summary>
/// Authenticates keys against <see cref="ApiKeyLookup"/>. Whatever is presented (nothing, garbage, an
/// unknown or a revoked key) is hashed and looked up the same way, so failures look and take alike.
/// </summary>
internal sealed class MartenApiKeyAuthenticator(IDocumentStore store, IApiKeyHasher hasher, RateLimitOptions defaults, TimeProvider clock)
    : IApiKeyAuthenticator
{
    private const string Placeholder = "sk_live_not_a_key";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastUsedRecorded = new();

    public async Task<ApiKeyCaller?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        var hash = hasher.Hash(ApiKeySecrets.LooksLikeKey(presentedKey) ? presentedKey! : Placeholder);
        await using var session = store.QuerySession();
        var lookup = await session.LoadAsync<ApiKeyLookup>(hash, cancellationToken);
        if (lookup is null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(lookup.Id), Convert.FromHexString(hash)))
            return null;

        // The project and its company in one round trip: the request goes on with them (its chat, its plan checks).
        await using var tenant = store.QuerySession(TenantIds.For(lookup.CompanyId));
        var batch = tenant.CreateBatchQuery();
        var projectRead = batch.Load<ProjectDetails>(lookup.ProjectId);
        var companyRead = batch.Load<CompanyDetails>(lookup.CompanyId);
        await batch.Execute(cancellationToken);
        var project = await projectRead;
        if (project is null)
            return null;

        await RecordUseAsync(lookup, cancellationToken);
        return new ApiKeyCaller(lookup.KeyId, lookup.CompanyId, lookup.ProjectId, lookup.Environment,
            project.Settings.RateLimits?.KeyRequestsPerMinute ?? defaults.KeyRequestsPerMinute, project.Settings.AllowedOrigins)
        {
            Project = project,
            Company = await companyRead,
        };
    }

    /// <summary>Keeps the listing's "last used" current to the minute without a write per request.</summary>
    private async Task RecordUseAsync(ApiKeyLookup lookup, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recorded = _lastUsedRecorded.GetOrAdd(lookup.KeyId, DateTimeOffset.MinValue);
        if (now - recorded < LastUsedResolution || !_lastUsedRecorded.TryUpdate(lookup.KeyId, now, recorded))
            return;
        await using var session = store.LightweightSession(TenantIds.For(lookup.CompanyId));
        session.Patch<ApiKeyDetails>(lookup.KeyId).Set(k => k.LastUsedAt, now);
        await session.SaveChangesAsync(cancellationToken);
    }
}
