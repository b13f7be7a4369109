using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.ApiKeys;

namespace CleanRag.Application.ApiKeys;

/// <summary>Issues keys and revokes the ones they replace; shared by key creation, rotation and deploy.</summary>
public sealed class ApiKeyIssuer(IEventStore eventStore, IReadStore readStore, IApiKeyHasher hasher, IRequestContext context, TimeProvider clock)
{
    public async Task<IssuedApiKey> IssueAsync(Guid projectId, string name, ApiKeyEnvironment environment, CancellationToken cancellationToken)
    {
        var key = ApiKeySecrets.Generate(environment);
        var issued = ApiKey.Issue(Guid.CreateVersion7(), projectId, name, environment, key, hasher.Hash(key), context.UserId, clock.GetUtcNow());
        await eventStore.StartStreamAsync<ApiKey>(issued.KeyId, [issued], cancellationToken);
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
            if (await eventStore.LoadAsync<ApiKey>(keyId, cancellationToken) is { } key)
                await RevokeAsync(key, reason, cancellationToken);
        }
    }

    public async Task RevokeAsync(ApiKey key, string reason, CancellationToken cancellationToken)
    {
        if (key.IsRevoked)
            return;
        try
        {
            await eventStore.AppendAsync(key.Id, key.Version, [key.Revoke(reason, context.UserId, clock.GetUtcNow())], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A key only ever changes by being revoked: a concurrent request already did it.
        }
    }
}
