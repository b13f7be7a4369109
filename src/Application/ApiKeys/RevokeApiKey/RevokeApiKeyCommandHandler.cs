using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.ApiKeys;
using Mediator;

namespace CleanRag.Application.ApiKeys.RevokeApiKey;

public sealed class RevokeApiKeyCommandHandler(ApiKeyIssuer issuer, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore)
    : ICommandHandler<RevokeApiKeyCommand, ApiKeyDetails>
{
    public async ValueTask<ApiKeyDetails> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await aggregates.LoadForUpdateAsync<ApiKey>(command.KeyId, cancellationToken);
        if (key is null || key.ProjectId != command.ProjectId)
            throw new NotFoundException("API key");
        issuer.Revoke(key, "revoked");
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.LoadAsync<ApiKeyDetails>(key.Id, cancellationToken) ?? throw new NotFoundException("API key");
    }
}
