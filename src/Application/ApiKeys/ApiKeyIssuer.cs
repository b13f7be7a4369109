using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.ApiKeys;

namespace CleanRag.Application.ApiKeys;

/// <summary>Issues keys and revokes the ones they replace, staged in the command's unit of work; shared by key creation, rotation and deploy.</summary>
public sealed class ApiKeyIssuer(IAggregateStore aggregates, IReadStore readStore, IApiKeyHasher hasher, IRequestContext context, TimeProvider clock)
{
    public IssuedApiKey Issue(Guid projectId, string name, ApiKeyEnvironment environment)
    {
        var key = ApiKeySecrets.Generate(environment);
        var issued = ApiKey.Issue(Guid.CreateVersion7(), projectId, name, environment, key, hasher.Hash(key), context.UserId, clock.GetUtcNow());
        aggregates.Start<ApiKey>(issued.KeyId, issued);
        return new IssuedApiKey(issued.KeyId, projectId, issued.Name, environment, issued.Prefix, ApiKeyStatus.Active, issued.IssuedAt, key);
    }

    /// <summary>The project's active keys of an environment, as listed.</summary>
    public Task<IReadOnlyList<ApiKeyDetails>> ActiveKeysAsync(Guid projectId, ApiKeyEnvironment environment, CancellationToken cancellationToken) =>
        readStore.ListAsync<ApiKeyDetails>(
            q => q.Where(k => k.ProjectId == projectId && k.Environment == environment && k.Status == ApiKeyStatus.Active), cancellationToken);

    public async Task RevokeAsync(IEnumerable<Guid> keyIds, string reason, CancellationToken cancellationToken)
    {
        foreach (var keyId in keyIds)
        {
            if (await aggregates.LoadForUpdateAsync<ApiKey>(keyId, cancellationToken) is { } key)
                Revoke(key, reason);
        }
    }

    /// <summary>Revokes a key loaded for update; revoking a revoked key changes nothing.</summary>
    public void Revoke(ApiKey key, string reason)
    {
        if (!key.IsRevoked)
            aggregates.Append(key, key.Revoke(reason, context.UserId, clock.GetUtcNow()));
    }
}
