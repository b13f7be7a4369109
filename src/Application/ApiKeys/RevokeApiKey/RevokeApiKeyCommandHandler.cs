using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.ApiKeys;
using Mediator;

namespace CleanRag.Application.ApiKeys.RevokeApiKey;

public sealed class RevokeApiKeyCommandHandler(ApiKeyIssuer issuer, IEventStore eventStore, IReadStore readStore)
    : ICommandHandler<RevokeApiKeyCommand, ApiKeyDetails>
{
    public async ValueTask<ApiKeyDetails> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await eventStore.LoadAsync<ApiKey>(command.KeyId, cancellationToken);
        if (key is null || key.ProjectId != command.ProjectId)
            throw new NotFoundException("API key");
        await issuer.RevokeAsync(key, "revoked", cancellationToken);
        return await readStore.LoadAsync<ApiKeyDetails>(key.Id, cancellationToken) ?? throw new NotFoundException("API key");
    }
}
