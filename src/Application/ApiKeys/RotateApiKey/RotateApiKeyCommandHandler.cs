using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Application.Documents;
using CleanRag.Domain.ApiKeys;
using Mediator;

namespace CleanRag.Application.ApiKeys.RotateApiKey;

public sealed class RotateApiKeyCommandHandler(ApiKeyIssuer issuer, IReadStore readStore) : ICommandHandler<RotateApiKeyCommand, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(RotateApiKeyCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        var active = await issuer.ActiveKeysAsync(command.ProjectId, ApiKeyEnvironment.Live, cancellationToken);
        if (active.Count == 0)
            throw new BadRequestException("no_active_live_key", "The project has no active live key to rotate; deploy it or create a live key first.");

        var name = active.OrderByDescending(k => k.CreatedAt).First().Name;
        var issued = issuer.Issue(command.ProjectId, name, ApiKeyEnvironment.Live);
        await issuer.RevokeAsync(active.Select(k => k.Id), "rotated", cancellationToken);
        return issued;
    }
}
